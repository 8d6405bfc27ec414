import type { SectionId } from '../../../core/src';
import type { Awareness } from 'y-protocols/awareness';
import { usePresenceStore, type TypingMark } from '../store/presence';

/** How long after the last keystroke this user stops counting as typing. */
export const TYPING_IDLE_MS = 3000;

/**
 * Publishes `typing: {section, at}` in awareness while this user types in `textarea`: set by the
 * first keystroke, cleared TYPING_IDLE_MS after the last one or when the textarea loses focus.
 * Later keystrokes only move a local timer, so typing adds no awareness messages of its own.
 */
export function publishTyping(textarea: HTMLTextAreaElement, awareness: Awareness, section: SectionId): () => void {
  let typing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!typing) return;
    typing = false;
    awareness.setLocalStateField('typing', null);
  };
  const onInput = () => {
    if (textarea.readOnly) return;
    if (!typing) {
      typing = true;
      awareness.setLocalStateField('typing', { section, at: Date.now() });
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(stop, TYPING_IDLE_MS);
  };
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('blur', stop);
  return () => {
    textarea.removeEventListener('input', onInput);
    textarea.removeEventListener('blur', stop);
    stop();
  };
}

/** "Alex is typing…", "Alex and 1 more are typing…". */
export function typingLabel(first: string, others: number): string {
  return others > 0 ? `${first} and ${others} more are typing…` : `${first} is typing…`;
}

/** Who else is typing in `section`: the first to start (a stable object) and how many more. */
export function useTypingIn(section: SectionId): { first: TypingMark | null; others: number } {
  const first = usePresenceStore((s) => s.typing.find((t) => t.section === section) ?? null);
  const count = usePresenceStore((s) => s.typing.filter((t) => t.section === section).length);
  return { first, others: Math.max(0, count - 1) };
}
