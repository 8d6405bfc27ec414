import { useEffect, useState } from 'react';

/** What each score 0–4 means, per rubric item, as the generic rubric words it. */
export type RubricLevels = ReadonlyMap<string, readonly string[]>;

const cache = new Map<string, Promise<RubricLevels>>();

function load(promptId: string): Promise<RubricLevels> {
  let pending = cache.get(promptId);
  if (!pending) {
    pending = fetch(`/api/rubrics/${encodeURIComponent(promptId)}`, { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<{ generic?: { items?: { id: string; descriptors?: string[] }[] } }>) : null))
      .then((body) => new Map((body?.generic?.items ?? []).map((item) => [item.id, item.descriptors ?? []] as const)));
    // A failed load is not cached, so the next rubric tab opened tries again.
    pending.catch(() => cache.delete(promptId));
    cache.set(promptId, pending);
  }
  return pending;
}

/** The level descriptors of the session's rubric; empty until loaded (the scores work without them). */
export function useRubricLevels(promptId: string | null): RubricLevels {
  const [levels, setLevels] = useState<RubricLevels>(new Map());
  useEffect(() => {
    if (!promptId) return;
    let live = true;
    load(promptId)
      .then((l) => live && setLevels(l))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [promptId]);
  return levels;
}
