import { create } from 'zustand';
import type { Checklist, Curveball, ReviewProgress, SuggestedFollowUps } from './types';

/**
 * What the AI reviewer has said in this room, as the socket last delivered it: the live
 * checklist, the interviewer's suggested follow-ups (never sent to a candidate), the stage of a
 * critique in progress and the curveballs so far. Small and eager (the socket fills it from
 * the first second); the panels that show it are loaded lazily.
 */
export interface PracticeState {
  checklist: Checklist | null;
  /** The checklist before the latest one, so a row can show which way it moved. */
  previousChecklist: Checklist | null;
  /** When (this browser's clock) the server said the board changed after its last reading; null when current. */
  checkingSince: number | null;
  suggested: SuggestedFollowUps | null;
  progress: ReviewProgress | null;
  curveballs: Curveball[];
  /** The evidence the user last asked to see (`node:ID`, `edge:ID`, `section:ID`, `answer:ID`); `at` tells repeats apart. */
  highlight: { ref: string; at: number } | null;
}

const EMPTY: PracticeState = { checklist: null, previousChecklist: null, checkingSince: null, suggested: null, progress: null, curveballs: [], highlight: null };

export const usePracticeStore = create<PracticeState>(() => EMPTY);

export function resetPractice(): void {
  usePracticeStore.setState(EMPTY);
}

export function setChecklist(checklist: Checklist): void {
  const current = usePracticeStore.getState().checklist;
  if (current && current.at > checklist.at) return;
  // A new reading covers every change the server had when it was made.
  usePracticeStore.setState({ checklist, previousChecklist: current, checkingSince: null });
}

/** The server's `review:checking`: the board changed since the last reading, or a reading covered it. */
export function setChecking(checking: boolean): void {
  const since = usePracticeStore.getState().checkingSince;
  // Keep the first moment: how long the changes have waited is what the page shows.
  usePracticeStore.setState({ checkingSince: checking ? (since ?? Date.now()) : null });
}

/** Adds curveballs, each once (the socket and the initial fetch may both deliver one), in time order. */
export function addCurveballs(list: readonly Curveball[]): void {
  const known = new Map(usePracticeStore.getState().curveballs.map((c) => [c.id, c]));
  for (const c of list) known.set(c.id, c);
  usePracticeStore.setState({ curveballs: [...known.values()].sort((a, b) => a.at - b.at) });
}

/** Asks every view of the evidence to show `ref`: the canvas centres a node, the sections panel opens a section. */
export function showEvidence(ref: string): void {
  usePracticeStore.setState({ highlight: { ref, at: Date.now() } });
}

/** The part after the colon of a ref of the given kind, or null. */
export function refTarget(ref: string | undefined, kind: 'node' | 'edge' | 'section' | 'answer'): string | null {
  return ref?.startsWith(`${kind}:`) ? ref.slice(kind.length + 1) : null;
}
