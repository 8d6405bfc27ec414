import { useRef, useState, type ClipboardEvent } from 'react';

/** The longest label a component, group or connection keeps (the board schema's limit). */
const MAX_LABEL = 200;

/**
 * Inline editor for a label: Enter or leaving the field saves, Escape cancels. `nodrag nopan`
 * keep React Flow from treating clicks and drags inside it as canvas gestures. A multiline one
 * (a Note) takes Shift+Enter for a new line. Pasting more than fits says it was cut, rather
 * than dropping the rest without a word.
 */
export function LabelInput({
  initial,
  ariaLabel,
  onDone,
  placeholder,
  multiline = false,
}: {
  initial: string;
  ariaLabel: string;
  onDone: (value: string | null) => void;
  placeholder?: string;
  multiline?: boolean;
}) {
  const done = useRef(false);
  const [cut, setCut] = useState(false);
  const onPaste = (e: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const field = e.currentTarget;
    const pasted = e.clipboardData.getData('text').length;
    const kept = field.value.length - ((field.selectionEnd ?? 0) - (field.selectionStart ?? 0));
    setCut(kept + pasted > MAX_LABEL);
  };
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  const common = {
    className: 'label-input nodrag nopan nowheel',
    'aria-label': ariaLabel,
    defaultValue: initial,
    placeholder,
    maxLength: MAX_LABEL,
    autoFocus: true,
    onPaste,
    onFocus: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => e.currentTarget.select(),
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      e.stopPropagation();
      if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
        e.preventDefault();
        finish(e.currentTarget.value);
      } else if (e.key === 'Escape') finish(null);
    },
    onBlur: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => finish(e.currentTarget.value),
  };
  return (
    <>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
      {cut && (
        <span className="label-cut" role="status">
          Cut to {MAX_LABEL} characters: a label is a name. Longer text belongs in the notes or a section.
        </span>
      )}
    </>
  );
}
