/**
 * The traffic view, loaded on first use: runs the core traffic model on the live board at the
 * room's multiple, tints the canvas, and shows the traffic's source, what saturates first and
 * at what multiple, and the main paths' latency against the requirement's target.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { OVERLAY_MULTIPLE, type Board, type TrafficOverlay } from '../../../core/src';
import { prepareTraffic } from '../../../core/src/traffic/prepare';
import { analyseTraffic, fmt } from '../../../core/src/traffic/report';
import { useBoard } from '../board/BoardContext';
import { useBoardStore } from '../store/board';
import { Tint } from './tint';
import { useCapacityDefaults, useSections } from './traffic-data';
import type { OverlayChange } from './useTrafficOverlay';

/** A multiple with two significant figures below 10 ("0.25", "2.5"), whole above. */
function multiple(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Number(value.toPrecision(2)));
}

export default function TrafficPanel({ overlay, change, writable }: { overlay: TrafficOverlay; change: (c: OverlayChange) => void; writable: boolean }) {
  const { doc } = useBoard();
  const nodes = useBoardStore((s) => s.nodes);
  const edges = useBoardStore((s) => s.edges);
  const sections = useSections(doc);
  const { defaults, error } = useCapacityDefaults();

  const model = useMemo(() => {
    if (!defaults) return null;
    const board: Board = { meta: {}, nodes: [...nodes.values()], edges: [...edges.values()], sections, comments: [] };
    return prepareTraffic(board, defaults, overlay.typed);
  }, [defaults, nodes, edges, sections, overlay.typed]);
  const report = useMemo(() => (model ? analyseTraffic(model, overlay.multiplier) : null), [model, overlay.multiplier]);
  const tint = useRef<Tint | null>(null);
  useEffect(() => {
    const current = new Tint(() => document.querySelector('.react-flow__nodes'));
    tint.current = current;
    return () => {
      current.clear();
      tint.current = null;
    };
  }, []);
  useEffect(() => {
    if (!report) return;
    tint.current?.apply(report.nodes);
    // Nodes added in this commit may reach the DOM a frame later.
    const frame = requestAnimationFrame(() => tint.current?.apply(report.nodes));
    return () => cancelAnimationFrame(frame);
  }, [report]);

  const name = (id: string) => {
    const n = nodes.get(id);
    return n?.label.trim() || id;
  };

  if (error) return <div className="traffic-panel" role="alert">The traffic model could not load its capacity figures: {error}</div>;
  if (!report) return <div className="traffic-panel">Loading the traffic model…</div>;

  const first = report.firstBottleneck;
  const over = report.bottlenecks.slice(0, 3);
  const target = report.latencyTargetMs;
  return (
    <section className="traffic-panel" aria-label="Traffic model">
      <div className="traffic-row">
        <label className="traffic-slider">
          <span>Traffic</span>
          <input
            type="range"
            min={OVERLAY_MULTIPLE.min}
            max={OVERLAY_MULTIPLE.max}
            step={1}
            value={overlay.multiplier}
            disabled={!writable}
            aria-label="Traffic multiplier"
            onChange={(e) => change({ multiplier: Number(e.target.value) })}
          />
          <output data-testid="traffic-multiple">{overlay.multiplier}×</output>
        </label>
      </div>
      <p className="traffic-source" data-testid="traffic-baseline">
        1× = {fmt(report.baseline.readsPerSecond)} reads/s, {fmt(report.baseline.writesPerSecond)} writes/s <span className="muted">· {report.baseline.source}</span>
      </p>
      {writable && <TypedTraffic overlay={overlay} change={change} />}
      <p data-testid="traffic-first" className="traffic-first">
        {first ? (
          <>
            First to saturate: <strong>{name(first.id)}</strong> at {multiple(first.atTraffic)}×
          </>
        ) : (
          'Nothing saturates below 1000×: every component here scales out.'
        )}
      </p>
      <p data-testid="traffic-saturated" className={over.length > 0 ? 'traffic-over' : 'muted'}>
        {over.length > 0
          ? `Over capacity at ${overlay.multiplier}×: ${over.map((id) => `${name(id)} ${Math.round((report.nodes.find((n) => n.id === id)?.utilisation ?? 0) * 100)} %`).join(', ')}${report.bottlenecks.length > over.length ? ` and ${report.bottlenecks.length - over.length} more` : ''}`
          : `Nothing is over capacity at ${overlay.multiplier}×.`}
      </p>
      {report.paths.length > 0 && (
        <p className="traffic-paths" data-testid="traffic-paths">
          {report.paths.map((p) => (
            <span key={p.name} className={target !== undefined && p.latencyMs > target ? 'traffic-over' : ''}>
              {p.name === 'read' ? 'Read' : 'Write'} path {p.latencyMs} ms
            </span>
          ))}
          <span className="muted">{target !== undefined ? `target ${target} ms` : 'no latency target in the requirements'}</span>
        </p>
      )}
      {report.warnings.length > 0 && (
        <details className="traffic-warnings">
          <summary>
            {report.warnings.length} note{report.warnings.length === 1 ? '' : 's'} on the model
          </summary>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Figures typed here replace the Estimation section's for everyone; "Use estimate" goes back. */
function TypedTraffic({ overlay, change }: { overlay: TrafficOverlay; change: (c: OverlayChange) => void }) {
  const [reads, setReads] = useState(overlay.typed ? String(overlay.typed.readsPerSecond) : '');
  const [writes, setWrites] = useState(overlay.typed ? String(overlay.typed.writesPerSecond) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const apply = () => {
    const r = Number(reads.replace(/,/g, ''));
    const w = Number(writes.replace(/,/g, ''));
    if (!Number.isFinite(r) || !Number.isFinite(w) || r < 0 || w < 0 || r > 1e9 || w > 1e9 || reads.trim() === '' || writes.trim() === '') {
      setProblem('Type reads and writes a second as plain numbers, e.g. 12000 and 300.');
      return;
    }
    setProblem(null);
    change({ typed: { readsPerSecond: r, writesPerSecond: w } });
  };
  return (
    <details className="traffic-typed-box" open={overlay.typed !== undefined}>
      <summary>{overlay.typed ? 'Typed traffic in use' : 'Type other traffic'}</summary>
      <form
        className="traffic-typed"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <input aria-label="Reads per second" inputMode="decimal" placeholder="reads/s" value={reads} onChange={(e) => setReads(e.target.value)} />
        <input aria-label="Writes per second" inputMode="decimal" placeholder="writes/s" value={writes} onChange={(e) => setWrites(e.target.value)} />
        <button type="submit" className="button small">
          Use these
        </button>
        {overlay.typed && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setReads('');
              setWrites('');
              change({ typed: null });
            }}
          >
            Use estimate
          </button>
        )}
        {problem && (
          <span className="traffic-problem" role="alert">
            {problem}
          </span>
        )}
      </form>
    </details>
  );
}
