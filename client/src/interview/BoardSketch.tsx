import Markdown from 'react-markdown';
import { SECTION_TITLES, type Board, type SectionId } from '../../../core/src';

const W = 160;
const H = 56;
/** Longer labels are cut in the picture (the full label is in the list below it and in the tooltip). */
const MAX_LABEL = 24;

type Box = { x: number; y: number; w: number; h: number };

/** Where the line from a's centre towards b's centre leaves box `b`'s border, so an arrowhead lands on the box, not under it. */
function borderPoint(from: { x: number; y: number }, b: Box): { x: number; y: number } {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const dx = from.x - cx;
  const dy = from.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx === 0 ? Infinity : b.w / 2 / Math.abs(dx), dy === 0 ? Infinity : b.h / 2 / Math.abs(dy));
  return { x: cx + dx * t, y: cy + dy * t };
}

const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
const short = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);
const sectionTitle = (id: string) => SECTION_TITLES[id as SectionId] ?? id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** A read-only picture of a board: boxes with labels, arrows with their labels, then the sections as formatted text. */
export function BoardSketch({ board, markerId = 'sketch-arrow' }: { board: Board; markerId?: string }) {
  const { nodes, edges } = board;
  const box = (n: Board['nodes'][number]): Box => ({ x: n.x, y: n.y, w: n.width ?? W, h: n.height ?? H });
  const boxes = new Map(nodes.map((n) => [n.id, box(n)]));
  const xs = [...boxes.values()].flatMap((b) => [b.x, b.x + b.w]);
  const ys = [...boxes.values()].flatMap((b) => [b.y, b.y + b.h]);
  const pad = 20;
  // Fit the drawing to the nodes, with a minimum size so one small box is not blown up.
  const minX = Math.min(...xs) - pad;
  const minY = Math.min(...ys) - pad;
  const width = Math.max(Math.max(...xs) + pad - minX, 960);
  const height = Math.max(Math.max(...ys) + pad - minY, 320);
  const sections = Object.entries(board.sections).filter(([, text]) => text && text.trim());
  const labelOf = new Map(nodes.map((n) => [n.id, n.label || n.kind]));

  return (
    <div className="sum-sketch" data-testid="replay-board">
      {nodes.length === 0 ? (
        <p className="muted">The board is empty at this moment.</p>
      ) : (
        <svg viewBox={`${minX} ${minY} ${width} ${height}`} role="img" aria-label={`Board with ${nodes.length} components and ${edges.length} connections`}>
          <defs>
            <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="sum-arrowhead" />
            </marker>
          </defs>
          {edges.map((e) => {
            const a = boxes.get(e.source);
            const b = boxes.get(e.target);
            if (!a || !b) return null;
            const start = borderPoint(centre(b), a);
            const end = borderPoint(centre(a), b);
            return (
              <g key={e.id} aria-label={`${labelOf.get(e.source)} to ${labelOf.get(e.target)}${e.label ? `: ${e.label}` : ''}`}>
                <line x1={start.x} y1={start.y} x2={end.x} y2={end.y} className={e.mode === 'async' ? 'async' : undefined} markerEnd={`url(#${markerId})`} />
                {e.label && (
                  <text x={(start.x + end.x) / 2} y={(start.y + end.y) / 2 - 6} textAnchor="middle" className="sum-edge-label">
                    {short(e.label)}
                  </text>
                )}
              </g>
            );
          })}
          {nodes.map((n) => {
            const b = boxes.get(n.id)!;
            const label = n.label || n.kind;
            return (
              <g key={n.id} data-testid="replay-node">
                <title>{label}</title>
                <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
                <text x={b.x + b.w / 2} y={b.y + b.h / 2} dominantBaseline="middle" textAnchor="middle">
                  {short(label)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {nodes.length > 0 && (
        <ul className="sum-node-list" aria-label="Components">
          {nodes.map((n) => (
            <li key={n.id}>
              <span className="chip">{n.kind}</span> {n.label}
            </li>
          ))}
        </ul>
      )}
      {sections.map(([id, text]) => (
        <div key={id} className="sum-section">
          <h3 className="sum-section-title">{sectionTitle(id)}</h3>
          <div className="section-preview">
            <Markdown>{text}</Markdown>
          </div>
        </div>
      ))}
    </div>
  );
}
