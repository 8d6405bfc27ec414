import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { metaMap, readMeta, type BoardMeta } from '../../../core/src';
import { getPrompt, type PromptDetails } from '../session/api';

/** The board's meta (prompt id, title), live; available offline from the local copy too. */
export function useBoardMeta(doc: Y.Doc | null): BoardMeta {
  const [meta, setMeta] = useState<BoardMeta>(() => (doc ? readMeta(doc) : {}));
  useEffect(() => {
    if (!doc) return;
    const map = metaMap(doc);
    // Other meta keys (the traffic overlay's slider) change often: re-render only for these.
    const update = () => {
      const next = readMeta(doc);
      setMeta((prev) => (prev.prompt === next.prompt && prev.title === next.title && prev.phase === next.phase ? prev : next));
    };
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);
  return meta;
}

/** The prompt's public details from the server, or null while loading (or if it failed). */
export function usePromptDetails(promptId: string | undefined): PromptDetails | null {
  const [loaded, setLoaded] = useState<{ id: string; prompt: PromptDetails } | null>(null);
  useEffect(() => {
    if (!promptId) return;
    const abort = new AbortController();
    getPrompt(promptId, abort.signal)
      .then((prompt) => setLoaded({ id: promptId, prompt }))
      .catch(() => undefined);
    return () => abort.abort();
  }, [promptId]);
  return loaded && loaded.id === promptId ? loaded.prompt : null;
}
