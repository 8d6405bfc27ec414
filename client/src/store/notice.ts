/**
 * One short message over the board (a refused paste, a finished import), shown by
 * `BoardNotice` until it times out or is dismissed. Kept out of the document: it is this
 * user's feedback only.
 */
import { create } from 'zustand';

export type NoticeTone = 'info' | 'error';

export interface Notice {
  id: number;
  text: string;
  tone: NoticeTone;
}

export const useNoticeStore = create<{ notice: Notice | null }>(() => ({ notice: null }));

let next = 1;

/** Shows `text`, replacing any message already shown. */
export function showNotice(text: string, tone: NoticeTone = 'info'): void {
  useNoticeStore.setState({ notice: { id: next++, text, tone } });
}

/** Hides the message `id` (a later message is left alone). */
export function dismissNotice(id: number): void {
  if (useNoticeStore.getState().notice?.id === id) useNoticeStore.setState({ notice: null });
}
