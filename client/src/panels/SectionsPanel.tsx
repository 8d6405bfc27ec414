import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { BOARD_LIMITS, SECTION_IDS, SECTION_TITLES, sectionText, type SectionId } from '../../../core/src';
import { useBoard } from '../board/BoardContext';
import { useSectionFocus } from '../practice/section-focus';
import { bindTextarea } from './textarea-binding';
import { publishTyping, typingLabel, useTypingIn } from './typing';

// The Markdown renderer is about a tenth of the board page's download: fetched on the first Preview.
const SectionPreview = lazy(() => import('./SectionPreview').then((m) => ({ default: m.SectionPreview })));

const PLACEHOLDERS: Record<SectionId, string> = {
  requirements: 'Functional requirements (what it does) and non-functional ones (latency, availability, consistency, scale)…',
  estimation: 'Back-of-the-envelope numbers: users, requests per second, read/write ratio, storage per year, bandwidth…',
  api: 'Endpoints or RPCs with their inputs and outputs, e.g. POST /urls {longUrl} → {code}…',
  'data-model': 'Entities, keys and indexes; which store holds what, and why…',
  'high-level-design': 'How a request flows through the components on the canvas…',
  scaling: 'Partitioning, replication, caching, hot keys, what grows first…',
  reliability: 'Failure modes, retries, idempotency, timeouts, backups, monitoring…',
  'trade-offs': 'What you chose over what, and what you would revisit with more time…',
  notes: 'Anything else worth keeping…',
};

/** The written parts of the design, one tab per section, each bound to its Y.Text. */
export function SectionsPanel({ readOnly }: { readOnly: boolean }) {
  const [active, setActive] = useState<SectionId>('requirements');
  const [preview, setPreview] = useState(false);
  const focus = useSectionFocus(setActive);
  return (
    <aside className="sections-panel" aria-label="Design sections">
      <div className="section-tabs" role="tablist" aria-label="Sections">
        {SECTION_IDS.map((id) => (
          <SectionTab key={id} id={id} active={id === active} onSelect={() => setActive(id)} />
        ))}
      </div>
      <div className={`section-body${focus === active ? ' pr-section-highlight' : ''}`} role="tabpanel" id={`section-panel-${active}`} aria-labelledby={`section-tab-${active}`}>
        <div className="section-mode">
          <button type="button" aria-pressed={!preview} className={preview ? '' : 'active'} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" aria-pressed={preview} className={preview ? 'active' : ''} onClick={() => setPreview(true)} data-testid="section-preview-toggle">
            Preview
          </button>
          <TypingNote id={active} />
        </div>
        {preview ? (
          <Suspense fallback={<p className="muted">Loading the preview…</p>}>
            <SectionPreview key={active} id={active} />
          </Suspense>
        ) : (
          <SectionEditor key={active} id={active} readOnly={readOnly} />
        )}
      </div>
    </aside>
  );
}

function SectionTab({ id, active, onSelect }: { id: SectionId; active: boolean; onSelect: () => void }) {
  const { doc } = useBoard();
  const text = sectionText(doc, id);
  const subscribe = useCallback(
    (notify: () => void) => {
      text.observe(notify);
      return () => text.unobserve(notify);
    },
    [text],
  );
  const filled = useSyncExternalStore(subscribe, () => text.length > 0);
  const typing = useTypingIn(id);
  return (
    <button
      type="button"
      role="tab"
      id={`section-tab-${id}`}
      aria-selected={active}
      aria-controls={`section-panel-${id}`}
      className={`section-tab${active ? ' active' : ''}${filled ? ' filled' : ''}`}
      onClick={onSelect}
      data-testid={`section-tab-${id}`}
    >
      {SECTION_TITLES[id]}
      {filled && <span className="section-filled" aria-label="(has text)" />}
      {typing.first && (
        <span
          className="section-typing"
          style={{ background: typing.first.color }}
          title={typingLabel(typing.first.name, typing.others)}
          aria-label={`(${typingLabel(typing.first.name, typing.others)})`}
          data-testid="section-tab-typing"
        >
          …
        </span>
      )}
    </button>
  );
}

/** Who else is typing in this section, in their colour, so nobody writes over them unawares. */
function TypingNote({ id }: { id: SectionId }) {
  const { first, others } = useTypingIn(id);
  return (
    <span className="section-typing-note" role="status" data-testid="section-typing" style={first ? { color: first.color } : undefined}>
      {first ? typingLabel(first.name, others) : ''}
    </span>
  );
}

function SectionEditor({ id, readOnly }: { id: SectionId; readOnly: boolean }) {
  const { doc, awareness } = useBoard();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const textarea = ref.current;
    return textarea ? bindTextarea(textarea, sectionText(doc, id)) : undefined;
  }, [doc, id]);
  useEffect(() => {
    const textarea = ref.current;
    return textarea ? publishTyping(textarea, awareness, id) : undefined;
  }, [awareness, id]);
  return (
    <textarea
      ref={ref}
      className="section-text"
      aria-label={`${SECTION_TITLES[id]} section`}
      placeholder={readOnly ? 'Nothing written yet.' : PLACEHOLDERS[id]}
      readOnly={readOnly}
      maxLength={BOARD_LIMITS.maxSectionLength}
      spellCheck
      data-testid={`section-${id}`}
    />
  );
}
