import { lazy, Suspense } from 'react';

// react-markdown is fetched only when some Markdown is on screen (the same chunk the section preview uses).
const Markdown = lazy(() => import('react-markdown'));

/** Markdown as formatted text (raw HTML is ignored, so nothing typed becomes markup); plain text while the renderer loads. */
export function LazyMarkdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      <Suspense fallback={<p>{text}</p>}>
        <Markdown>{text}</Markdown>
      </Suspense>
    </div>
  );
}
