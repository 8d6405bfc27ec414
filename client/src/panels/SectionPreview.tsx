import { useCallback, useSyncExternalStore } from 'react';
import Markdown from 'react-markdown';
import { sectionText, type SectionId } from '../../../core/src';
import { useBoard } from '../board/BoardContext';

/**
 * A section's Markdown as formatted text. react-markdown builds React elements and ignores
 * raw HTML, so whatever someone typed can never become markup or run a script.
 */
export function SectionPreview({ id }: { id: SectionId }) {
  const { doc } = useBoard();
  const text = sectionText(doc, id);
  const subscribe = useCallback(
    (notify: () => void) => {
      text.observe(notify);
      return () => text.unobserve(notify);
    },
    [text],
  );
  const markdown = useSyncExternalStore(subscribe, () => text.toString());
  if (markdown.trim() === '') return <p className="section-preview-empty">Nothing written yet.</p>;
  return (
    <div className="section-preview" data-testid={`section-preview-${id}`}>
      <Markdown
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noreferrer noopener">
              {children}
            </a>
          ),
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
