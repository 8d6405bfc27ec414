import type { Board } from '../../../core/src';
import { timeOfDay } from './format';

/** The comments left on the board during the round, oldest first, each with what it was about. */
export function SummaryComments({ board }: { board: Board }) {
  const labels = new Map(board.nodes.map((n) => [n.id, n.label || n.kind]));
  return (
    <section className="sum-card" data-testid="summary-comments">
      <h2>Comments</h2>
      {board.comments.length === 0 ? (
        <p className="muted">No comments were left on the board.</p>
      ) : (
        <ul className="sum-comments">
          {board.comments.map((c) => (
            <li key={c.id} data-testid="summary-comment" className={c.resolved ? 'resolved' : undefined}>
              <div className="muted">
                <strong>{c.author}</strong> ({c.role}) · {timeOfDay(c.createdAt)} ·{' '}
                {c.target === 'board' ? 'on the board' : `on ${labels.get(c.target) ?? 'a removed component'}`}
                {c.resolved ? ' · resolved' : ''}
              </div>
              <p>{c.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
