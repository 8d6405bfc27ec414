import { itemTitle } from '../interview/format';
import { itemSeries, type Attempt } from './attempts';

const W = 150;
const H = 30;
const PAD = 4;

/**
 * Each rubric item's score across attempts, as small multiples: one line per item, oldest
 * attempt on the left, the current one ringed. Drawn as plain SVG (no chart library in the board).
 */
export function ScoreChart({ attempts, current }: { attempts: Attempt[]; current: string }) {
  const series = itemSeries(attempts);
  const n = attempts.length;
  const x = (i: number) => (n <= 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (n - 1));
  const y = (score: number) => H - PAD - (score * (H - 2 * PAD)) / 4;
  const currentIndex = attempts.findIndex((a) => a.sessionId === current);
  return (
    <table className="pr-chart" data-testid="score-chart">
      <caption className="pr-sr-only">Each item's score (0–4) across your attempts, oldest first</caption>
      <tbody>
        {series.map(({ id, scores }) => {
          const points = scores.flatMap((s, i) => (s === null ? [] : [{ i, s }]));
          const last = scores[scores.length - 1];
          return (
            <tr key={id} data-item={id} data-scores={scores.map((s) => (s === null ? '' : s)).join(',')}>
              <th scope="row">{itemTitle(id)}</th>
              <td>
                <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
                  <line className="pr-chart-base" x1={0} x2={W} y1={y(0)} y2={y(0)} />
                  <line className="pr-chart-bar" x1={0} x2={W} y1={y(3)} y2={y(3)} />
                  {points.length > 1 && <polyline className="pr-chart-line" points={points.map((p) => `${x(p.i)},${y(p.s)}`).join(' ')} />}
                  {points.map((p) => (
                    <circle key={p.i} className={p.i === currentIndex ? 'pr-chart-dot current' : 'pr-chart-dot'} cx={x(p.i)} cy={y(p.s)} r={p.i === currentIndex ? 3.5 : 2.5} />
                  ))}
                </svg>
              </td>
              <td className="pr-chart-last">{last ?? '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
