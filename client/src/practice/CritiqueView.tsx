import { SECTION_TITLES, type SectionId } from '../../../core/src';
import { useState, type ReactNode } from 'react';
import { itemTitle } from '../interview/format';
import { useBoardStore } from '../store/board';
import { formatDelta, itemDeltas } from './dialogue';
import { refTarget, showEvidence, usePracticeStore } from './practice-store';
import { ScoreDots } from './ScoreDots';
import type { Review, StoredAnswer } from './types';
import type { Critique, PracticeSession } from './usePractice';

const REVIEWER_TITLES: Record<string, string> = { rules: 'Rules reviewer (offline)', openai: 'OpenAI model' };

/** The reviewer chooser and "Get critique", with the stages of a critique in progress and any failure. */
export function CritiqueAsk({ practice, onAsk }: { practice: PracticeSession; onAsk: (reviewer: string | undefined) => void }) {
  const { critiques, reviewers, busy, error } = practice;
  const available = reviewers?.reviewers.filter((r) => r.available) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const reviewer = chosen ?? reviewers?.default ?? undefined;
  const progress = usePracticeStore((s) => (s.progress && s.progress.requestId === practice.requestId ? s.progress : null));
  return (
    <div className="pr-ask-box">
      <div className="pr-ask">
        {available.length > 1 && (
          <select aria-label="Choose the reviewer" value={reviewer} disabled={busy} onChange={(e) => setChosen(e.target.value)}>
            {available.map((r) => (
              <option key={r.name} value={r.name}>
                {REVIEWER_TITLES[r.name] ?? r.name}
                {r.model ? ` · ${r.model}` : ''}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="button small primary" disabled={busy} onClick={() => onAsk(reviewer)} data-testid="get-critique">
          {busy ? 'Reviewing…' : critiques.length > 0 ? 'Get critique again' : 'Get critique'}
        </button>
      </div>
      {busy && (
        <p className="pr-progress" role="status" data-testid="critique-progress">
          <span className="pr-spinner" aria-hidden="true" /> {progress?.message ?? 'Reading the board…'}
        </p>
      )}
      {error && (
        <p className="iv-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The latest critique: each item's score, its change since the critique before, evidence and what is missing. */
export function CritiqueView({ practice, dialogue }: { practice: PracticeSession; dialogue: ReactNode }) {
  const { critiques, busy } = practice;
  const latest = critiques[critiques.length - 1] ?? null;
  const previous = critiques[critiques.length - 2] ?? null;
  if (!latest) {
    return busy ? null : <p className="muted pr-empty">Ask for a critique at any time: each rubric item gets a score, the evidence that earned it and what is still missing.</p>;
  }
  return <CritiqueResult critique={latest} previous={previous?.review ?? null} answers={practice.answers} count={critiques.length} dialogue={dialogue} />;
}

function CritiqueResult(props: { critique: Critique; previous: Review | null; answers: StoredAnswer[]; count: number; dialogue: ReactNode }) {
  const { critique, previous, answers, count, dialogue } = props;
  const { review, requested } = critique;
  const deltas = new Map(itemDeltas(review, previous).map((d) => [d.id, d]));
  const overallDelta = previous ? review.overall - previous.overall : null;
  const fellBack = requested !== null && requested !== review.reviewer;
  return (
    <section className="pr-result" data-testid="critique" data-reviewer={review.reviewer} aria-label={`Critique ${count}`}>
      <p className="pr-overall">
        Critique {count}: <strong data-testid="critique-overall">{review.overall}</strong>/100
        {overallDelta !== null && <span className={`pr-delta ${overallDelta > 0 ? 'up' : overallDelta < 0 ? 'down' : ''}`}> {formatDelta(overallDelta)}</span>}
        <span className="muted"> · {REVIEWER_TITLES[review.reviewer] ?? review.reviewer}</span>
      </p>
      {(fellBack || review.warnings.length > 0) && (
        <div className="pr-warning" role="alert" data-testid="critique-warnings">
          {fellBack && (
            <p>
              <strong>You asked for the {REVIEWER_TITLES[requested] ?? requested}, but it did not answer:</strong> this critique is the {REVIEWER_TITLES[review.reviewer] ?? review.reviewer}'s.
            </p>
          )}
          <ul>
            {review.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {dialogue}
      <ol className="pr-items">
        {review.items.map((item) => {
          const d = deltas.get(item.id);
          const details = item.evidence.length + item.missing.length;
          return (
            <li key={item.id} className="pr-item" data-testid="critique-item" data-item={item.id} data-score={item.score} data-delta={d?.previous === null ? '' : d?.delta}>
              <div className="pr-row-head">
                <span className="pr-row-title">{item.title || itemTitle(item.id)}</span>
                {d && d.previous !== null && (
                  <span className={`pr-delta ${d.delta > 0 ? 'up' : d.delta < 0 ? 'down' : ''}`} title={`was ${d.previous}/4 in the critique before`} data-testid="item-delta">
                    {formatDelta(d.delta)}
                  </span>
                )}
                <ScoreDots score={item.score} max={item.max} label={item.title} />
              </div>
              {item.summary && <p className="pr-row-summary">{item.summary}</p>}
              {details > 0 && (
                <details className="pr-item-details">
                  <summary>
                    {item.evidence.length > 0 && `Evidence (${item.evidence.length})`}
                    {item.evidence.length > 0 && item.missing.length > 0 && ' · '}
                    {item.missing.length > 0 && `Missing (${item.missing.length})`}
                  </summary>
                  {item.evidence.length > 0 && (
                    <ul className="pr-evidence" aria-label="Evidence">
                      {item.evidence.map((e, i) => (
                        <li key={i}>
                          <EvidenceLink evidenceRef={e.ref} text={e.text} answers={answers} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {item.missing.length > 0 && (
                    <ul className="pr-missing" aria-label="Missing">
                      {item.missing.map((m, i) => (
                        <li key={i}>{m}</li>
                      ))}
                    </ul>
                  )}
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** One piece of evidence: a button that shows the node, edge or section on the board, or the quoted answer. */
function EvidenceLink({ evidenceRef, text, answers }: { evidenceRef: string; text: string; answers: StoredAnswer[] }) {
  const nodes = useBoardStore((s) => s.nodes);
  const edges = useBoardStore((s) => s.edges);
  const answerId = refTarget(evidenceRef, 'answer');
  if (answerId !== null) {
    const answer = answers.find((a) => a.id === answerId);
    return (
      <span className="pr-evidence-answer" data-ref={evidenceRef}>
        <span className="pr-ref-kind">Your answer</span> {text}
        {answer && <q className="pr-quote">{answer.text}</q>}
      </span>
    );
  }
  const nodeId = refTarget(evidenceRef, 'node');
  const edgeId = refTarget(evidenceRef, 'edge');
  const sectionId = refTarget(evidenceRef, 'section');
  const gone = (nodeId !== null && !nodes.has(nodeId)) || (edgeId !== null && !edges.has(edgeId));
  const kind = nodeId !== null ? nodes.get(nodeId)?.label || 'Component' : edgeId !== null ? 'Connection' : sectionId !== null ? (SECTION_TITLES[sectionId as SectionId] ?? sectionId) : 'Board';
  return (
    <button type="button" className="pr-evidence-link" disabled={gone} onClick={() => showEvidence(evidenceRef)} data-ref={evidenceRef} title={gone ? 'No longer on the board' : 'Show on the board'}>
      <span className="pr-ref-kind">{kind}</span> {text}
    </button>
  );
}
