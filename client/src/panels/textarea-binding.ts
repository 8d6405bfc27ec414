import type * as Y from 'yjs';
import { replaceText } from '../../../core/src';
import { LOCAL_ORIGIN } from '../sync/origins';

type Delta = Y.YTextEvent['delta'];

/**
 * Where a caret at `pos` (in the text before the change) ends up after the change `delta`:
 * text inserted or deleted before it shifts it; text inserted exactly at it goes after it.
 */
export function transformPosition(delta: Delta, pos: number): number {
  let old = 0;
  let shift = 0;
  for (const op of delta) {
    if (old > pos) break;
    if (op.retain !== undefined) old += op.retain;
    else if (op.insert !== undefined) {
      if (old < pos) shift += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      if (old < pos) shift -= Math.min(op.delete, pos - old);
      old += op.delete;
    }
  }
  return pos + shift;
}

/**
 * Two-way binding between a textarea and a Y.Text. A local edit becomes the minimal
 * delete + insert of the span that changed (core's `replaceText`) in LOCAL_ORIGIN, so
 * concurrent edits elsewhere in the text survive. A remote change replaces the textarea's
 * value and moves the caret and selection through the change, so typing is not disturbed.
 * During IME composition local text is sent when the composition ends.
 */
export function bindTextarea(textarea: HTMLTextAreaElement, text: Y.Text): () => void {
  const doc = text.doc;
  textarea.value = text.toString();
  let composing = false;

  const sendLocal = () => {
    if (composing || !doc || textarea.readOnly) return;
    doc.transact(() => replaceText(text, textarea.value), LOCAL_ORIGIN);
  };
  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    sendLocal();
  };

  const onChange = (event: Y.YTextEvent) => {
    const next = text.toString();
    if (next === textarea.value) return;
    const focused = document.activeElement === textarea;
    const { selectionStart, selectionEnd, selectionDirection, scrollTop } = textarea;
    textarea.value = next;
    textarea.scrollTop = scrollTop;
    if (focused) {
      textarea.setSelectionRange(
        transformPosition(event.delta, selectionStart),
        transformPosition(event.delta, selectionEnd),
        selectionDirection,
      );
    }
  };

  textarea.addEventListener('input', sendLocal);
  textarea.addEventListener('compositionstart', onCompositionStart);
  textarea.addEventListener('compositionend', onCompositionEnd);
  text.observe(onChange);
  return () => {
    textarea.removeEventListener('input', sendLocal);
    textarea.removeEventListener('compositionstart', onCompositionStart);
    textarea.removeEventListener('compositionend', onCompositionEnd);
    text.unobserve(onChange);
  };
}
