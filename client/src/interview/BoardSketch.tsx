import type { Board } from '../../../core/src';

const W = 160;
const H = 56;

/** A read-only picture of a board: boxes with labels, lines for connections, then the sections' text. */
export function BoardSketch({ board }: { board: Board }) {
  const { nodes, edges } = board;
  const box = (n: Board['nodes'][number]) => ({ x: n.x, y: n.y, w: n.width ?? W, h: n.height ?? H });
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

  return (
    <div className="sum-sketch" data-testid="replay-board">
      {nodes.length === 0 ? (
        <p className="muted">The board is empty at this moment.</p>
      ) : (
        <svg viewBox={`${minX} ${minY} ${width} ${height}`} role="img" aria-label={`Board with ${nodes.length} components`}>
          {edges.map((e) => {
            const a = boxes.get(e.source);
            const b = boxes.get(e.target);
            if (!a || !b) return null;
            return (
              <line
                key={e.id}
                x1={a.x + a.w / 2}
                y1={a.y + a.h / 2}
                x2={b.x + b.w / 2}
                y2={b.y + b.h / 2}
                className={e.mode === 'async' ? 'async' : undefined}
              />
            );
          })}
          {nodes.map((n) => {
            const b = boxes.get(n.id)!;
            return (
              <g key={n.id} data-testid="replay-node">
                <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
                <text x={b.x + b.w / 2} y={b.y + b.h / 2} dominantBaseline="middle" textAnchor="middle">
                  {n.label || n.kind}
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
          <h3 className="panel-heading">{id}</h3>
          <p className="sum-pre">{text}</p>
        </div>
      ))}
    </div>
  );
}
