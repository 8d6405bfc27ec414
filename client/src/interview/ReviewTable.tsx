import type { Review } from '../../../core/src';

/** One review: overall, then each item's score with its summary and what was missing. */
export function ReviewTable({ review, title, testId }: { review: Review; title: string; testId: string }) {
  return (
    <section className="sum-card" data-testid={testId}>
      <h2>
        {title} <span className="sum-overall">{review.overall}</span>
        <span className="muted"> / 100</span>
      </h2>
      <table className="sum-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Score</th>
            <th scope="col">Summary</th>
            <th scope="col">Missing</th>
          </tr>
        </thead>
        <tbody>
          {review.items.map((item) => (
            <tr key={item.id}>
              <th scope="row">{item.title}</th>
              <td className="sum-score">
                {item.score} / {item.max}
              </td>
              <td>{item.summary || <span className="muted">—</span>}</td>
              <td>
                {item.missing.length > 0 ? (
                  <ul>
                    {item.missing.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {review.warnings.length > 0 && (
        <ul className="sum-warnings">
          {review.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
