import { memo } from 'react';
import type { PromptDetails } from '../session/api';
import { LazyMarkdown } from './LazyMarkdown';

/** The problem being designed: its statement, with the full text and clarifications on demand. */
export const PromptCard = memo(function PromptCard({ prompt }: { prompt: PromptDetails | null }) {
  if (!prompt) {
    return (
      <section className="prompt-card-panel" aria-label="Prompt">
        <p className="muted">Loading the prompt…</p>
      </section>
    );
  }
  const hasMore = Boolean(prompt.body) || (prompt.clarifications?.length ?? 0) > 0;
  return (
    <section className="prompt-card-panel" aria-label="Prompt" data-testid="prompt-statement">
      <LazyMarkdown className="prompt-statement" text={prompt.statement} />
      {hasMore && (
        <details className="prompt-more">
          <summary>Full prompt and clarifications</summary>
          {prompt.body && <LazyMarkdown className="prompt-body" text={prompt.body} />}
          {prompt.clarifications && prompt.clarifications.length > 0 && (
            <dl className="clarifications">
              {prompt.clarifications.map((c) => (
                <div key={c.question}>
                  <dt>{c.question}</dt>
                  <dd>
                    <LazyMarkdown text={c.answer} />
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </details>
      )}
    </section>
  );
});
