import { useEffect, useState } from 'react';
import { useBoardStore } from '../store/board';
import { showNotice } from '../store/notice';
import { importFile } from './import-request';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * A file dragged over the board page can be dropped to import it (the palette's own drags carry
 * no files and are left alone). Drops are caught for read-only viewers too, with a word on why
 * nothing happens: otherwise the browser would leave the board to show the file.
 */
export function ImportDropZone() {
  const writable = useBoardStore((s) => s.writable);
  const [over, setOver] = useState(false);

  useEffect(() => {
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event) || !writable) return;
      depth++;
      setOver(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = writable ? 'copy' : 'none';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      if (!writable) {
        showNotice('This board is read-only for you, so nothing can be imported into it.', 'error');
        return;
      }
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      importFile(file).catch((e: unknown) => showNotice(e instanceof Error ? e.message : String(e), 'error'));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [writable]);

  return over ? <div className="import-drop">Drop the file to import it</div> : null;
}
