/** A 0–4 score as filled dots, with the number for screen readers and tests. */
export function ScoreDots({ score, max = 4, label }: { score: number; max?: number; label: string }) {
  return (
    <span className={`pr-dots pr-score-${score}`} role="img" aria-label={`${label}: ${score} of ${max}`} data-score={score}>
      {Array.from({ length: max }, (_, i) => (
        <span key={i} className={i < score ? 'pr-dot on' : 'pr-dot'} aria-hidden="true" />
      ))}
    </span>
  );
}
