/**
 * What the board's traffic view needs besides the store: the capacity defaults (served by the
 * server from its validated data file, re-validated here) and the design's section texts.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { SECTION_IDS, sectionText, type Board } from '../../../core/src';
import { capacityDefaultsSchema, type CapacityDefaults } from '../../../core/src/traffic/defaults';

let defaults: Promise<CapacityDefaults> | null = null;

/** The defaults, fetched once per page load; a failure is retried on the next call. */
export function loadCapacityDefaults(): Promise<CapacityDefaults> {
  defaults ??= fetch('/api/traffic/capacity', { headers: { accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      return capacityDefaultsSchema.parse(await res.json());
    })
    .catch((error: unknown) => {
      defaults = null;
      throw error;
    });
  return defaults;
}

export function useCapacityDefaults(): { defaults: CapacityDefaults | null; error: string | null } {
  const [state, setState] = useState<{ defaults: CapacityDefaults | null; error: string | null }>({ defaults: null, error: null });
  useEffect(() => {
    let live = true;
    loadCapacityDefaults()
      .then((d) => live && setState({ defaults: d, error: null }))
      .catch((error: unknown) => live && setState({ defaults: null, error: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function readSections(doc: Y.Doc): Board['sections'] {
  const out: Board['sections'] = {};
  for (const id of SECTION_IDS) {
    const text = sectionText(doc, id).toString();
    if (text) out[id] = text;
  }
  return out;
}

/** The section texts, live; a new object only when one of them changed. */
export function useSections(doc: Y.Doc): Board['sections'] {
  const [sections, setSections] = useState(() => readSections(doc));
  useEffect(() => {
    const texts = SECTION_IDS.map((id) => sectionText(doc, id));
    const update = () => setSections(readSections(doc));
    update();
    texts.forEach((t) => t.observe(update));
    return () => texts.forEach((t) => t.unobserve(update));
  }, [doc]);
  return sections;
}
