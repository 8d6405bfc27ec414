import { useRef } from 'react';

/**
 * Inline editor for a label: Enter or leaving the field saves, Escape cancels. `nodrag nopan`
 * keep React Flow from treating clicks and drags inside it as canvas gestures.
 */
export function LabelInput({
  initial,
  ariaLabel,
  onDone,
  placeholder,
}: {
  initial: string;
  ariaLabel: string;
  onDone: (value: string | null) => void;
  placeholder?: string;
}) {
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  return (
    <input
      className="label-input nodrag nopan nowheel"
      aria-label={ariaLabel}
      defaultValue={initial}
      placeholder={placeholder}
      maxLength={200}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value);
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}
