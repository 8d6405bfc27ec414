/**
 * The import dialog, loaded lazily with the parsers (the design-doc parser brings `yaml`, which
 * must stay out of the board's main chunk). Step one: choose a file or paste text. Step two:
 * what will be imported (counts, warnings, and every element that has no place on a board),
 * then replace or merge, applied as one undoable transaction.
 */
import { useReactFlow } from '@xyflow/react';
import { useId, useMemo, useRef, useState } from 'react';
import { importDesign, type ImportFormat, type ImportResult } from '../../../core/src/import';
import { useBoard } from '../board/BoardContext';
import { useBoardStore } from '../store/board';
import { showNotice } from '../store/notice';
import { applyImport, importCounts, type ImportMode } from './apply-import';
import { closeImport, importFile, requestImport, useImportRequest, type ImportRequest } from './import-request';
import '../export/export.css';

const FORMAT_NAMES: Record<ImportFormat, string> = {
  designdoc: 'Design doc (Markdown)',
  mermaid: 'Mermaid flowchart',
  excalidraw: 'Excalidraw drawing',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The dialog for the pending import request, or the picker, or nothing. */
export default function ImportDialog() {
  const request = useImportRequest((s) => s.request);
  const picking = useImportRequest((s) => s.picking);
  if (request) return <ImportPreview key={`${request.filename ?? ''}:${request.text.length}`} request={request} />;
  if (picking) return <ImportPicker />;
  return null;
}

function ImportPicker() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const textId = useId();
  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      await importFile(file);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && closeImport()}>
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <h2 id="import-title">Import a design</h2>
        <p className="muted">A design doc (.md), a Mermaid flowchart (.mmd) or an Excalidraw drawing (.excalidraw). You can also drop a file on the canvas.</p>
        <div>
          <button type="button" className="button" onClick={() => fileInput.current?.click()} autoFocus>
            Choose a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".md,.markdown,.mmd,.mermaid,.excalidraw,.json,text/markdown,application/json,text/plain"
            data-testid="import-file"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </div>
        <label htmlFor={textId}>Or paste its text</label>
        <textarea id={textId} rows={7} value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder={'flowchart LR\n  client([Browser]) --> api[API]'} spellCheck={false} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={closeImport}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={text.trim() === ''} onClick={() => requestImport({ text, source: 'paste' })}>
            Next
          </button>
        </div>
      </div>
    </div>
  );
}

function read(request: ImportRequest): { ok: true; result: ImportResult } | { ok: false; message: string } {
  try {
    return { ok: true, result: importDesign(request.text, request.filename ? { filename: request.filename } : {}) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

function ImportPreview({ request }: { request: ImportRequest }) {
  const { doc } = useBoard();
  const { fitView } = useReactFlow();
  const boardEmpty = useBoardStore((s) => s.nodes.size === 0);
  const writable = useBoardStore((s) => s.writable);
  const parsed = useMemo(() => read(request), [request]);
  const [mode, setMode] = useState<ImportMode>(boardEmpty ? 'replace' : 'merge');
  const [error, setError] = useState<string | null>(null);
  const what = request.filename ? `"${request.filename}"` : 'the pasted text';

  const apply = () => {
    if (!parsed.ok) return;
    try {
      applyImport(doc, parsed.result.board, mode);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    closeImport();
    const counts = importCounts(parsed.result.board);
    showNotice(`Imported ${plural(counts.components, 'component', 'components')} and ${plural(counts.connections, 'connection', 'connections')}. Ctrl+Z undoes the import.`);
    // After React has drawn the new nodes, so the fit sees them.
    window.requestAnimationFrame(() => void fitView({ padding: 0.2, maxZoom: 1, duration: 200 }));
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && closeImport()}>
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <h2 id="import-title">Import {what}</h2>
        {!parsed.ok ? (
          <p className="form-error" role="alert">
            This cannot be imported: {parsed.message}
          </p>
        ) : (
          <Summary result={parsed.result} />
        )}
        {parsed.ok && writable && (
          <fieldset className="import-choice">
            <legend className="muted">What should happen to the board?</legend>
            <label>
              <input type="radio" name="import-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
              <span>
                <strong>Add to the board</strong> <span className="muted">— placed below what is there; section texts appended</span>
              </span>
            </label>
            <label>
              <input type="radio" name="import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
              <span>
                <strong>Replace the board</strong> <span className="muted">— components, connections and sections; comments stay</span>
              </span>
            </label>
          </fieldset>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={closeImport}>
            {parsed.ok ? 'Cancel' : 'Close'}
          </button>
          {parsed.ok && writable && (
            <button type="button" className="button primary" onClick={apply} autoFocus>
              {mode === 'replace' ? 'Replace the board' : 'Add to the board'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function Summary({ result }: { result: ImportResult }) {
  const counts = importCounts(result.board);
  return (
    <>
      <p className="muted">{FORMAT_NAMES[result.format]}</p>
      <ul className="import-counts" data-testid="import-counts">
        <li>
          <strong>{counts.components}</strong> {counts.components === 1 ? 'component' : 'components'}
        </li>
        <li>
          <strong>{counts.connections}</strong> {counts.connections === 1 ? 'connection' : 'connections'}
        </li>
        <li>
          <strong>{counts.groups}</strong> {counts.groups === 1 ? 'group' : 'groups'}
        </li>
        <li>
          <strong>{counts.sections}</strong> {counts.sections === 1 ? 'section' : 'sections'}
        </li>
      </ul>
      {result.unmapped.length > 0 && (
        <>
          <p>
            <strong>{plural(result.unmapped.length, 'thing has', 'things have')} no place on a board</strong> and will not be imported; redo {result.unmapped.length === 1 ? 'it' : 'them'} by hand if needed:
          </p>
          <ul className="import-list warn" data-testid="import-unmapped">
            {result.unmapped.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {result.warnings.length > 0 && (
        <>
          <p>{plural(result.warnings.length, 'warning', 'warnings')}:</p>
          <ul className="import-list" data-testid="import-warnings">
            {result.warnings.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
