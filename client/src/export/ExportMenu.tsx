import { useEffect, useRef, useState } from 'react';
import { downloadServerExport, exportFilename, saveBlob, type ExportFormat, type ServerFormat } from './download';
import type { Rect } from './image-frame';
import './export.css';

const SERVER_ITEMS: readonly { format: ServerFormat; label: string; hint: string }[] = [
  { format: 'md', label: 'Markdown', hint: 'Design doc and reviews; imports back' },
  { format: 'html', label: 'HTML page', hint: 'One file to read offline or print' },
  { format: 'json', label: 'JSON', hint: 'Everything, for tools' },
];

const IMAGE_ITEMS: readonly { format: 'png' | 'svg'; label: string; hint: string }[] = [
  { format: 'png', label: 'PNG image', hint: 'The diagram as on screen' },
  { format: 'svg', label: 'SVG image', hint: 'The diagram, scalable' },
];

export interface ExportMenuProps {
  sessionId: string;
  token: string;
  title: string;
  /** The bounds of every node on the canvas, or null when it is empty; without it there are no image exports. */
  imageBounds?: () => Rect | null;
}

/** The Export button and its menu: review exports from the server, and images of the canvas where there is one. */
export function ExportMenu({ sessionId, token, title, imageBounds }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      if (format === 'png' || format === 'svg') {
        const bounds = imageBounds?.() ?? null;
        if (!bounds) throw new Error('The diagram is empty: add a component first.');
        const { renderCanvasImage } = await import('./image-export');
        const { blob } = await renderCanvasImage(format, bounds);
        saveBlob(blob, exportFilename(title, format));
      } else {
        await downloadServerExport(sessionId, token, format, title);
      }
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const item = (format: ExportFormat, label: string, hint: string) => (
    <button key={format} type="button" role="menuitem" className="export-item" disabled={busy !== null} onClick={() => void run(format)} data-testid={`export-${format}`}>
      <span className="export-item-label">
        {label} <span className="export-ext">.{format}</span>
      </span>
      <span className="export-item-hint">{busy === format ? 'Preparing…' : hint}</span>
    </button>
  );

  return (
    <div className="export-menu" ref={root}>
      <button type="button" className="button small" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        Export
      </button>
      {open && (
        <div className="export-popover" role="menu" aria-label="Export">
          {SERVER_ITEMS.map((i) => item(i.format, i.label, i.hint))}
          {imageBounds && <div className="export-separator" role="separator" />}
          {imageBounds && IMAGE_ITEMS.map((i) => item(i.format, i.label, i.hint))}
          {error && (
            <p className="export-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
