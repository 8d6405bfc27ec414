import { useState, type FormEvent } from 'react';

/**
 * Asks for the name others see, once per browser (the name is kept) and again when the user
 * clicks their own avatar. Non-modal, beside the presence list over the side panel: the board
 * works while it is open, and closing it keeps the default name.
 */
export function NameDialog({ initial, onSave, onClose }: { initial: string; onSave: (name: string) => void; onClose: () => void }) {
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed) onSave(trimmed.slice(0, 40));
  };
  return (
    <form className="name-popover" role="dialog" aria-labelledby="name-dialog-title" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="name-popover-head">
        <h2 id="name-dialog-title">What should others call you?</h2>
        <button type="button" className="icon-button" aria-label="Close and keep this name" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted">Shown next to your cursor and in the list of people here.</p>
      <div className="name-popover-row">
        <input
          aria-label="Your name"
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="name-input"
        />
        <button type="submit" className="button primary small" disabled={!name.trim()}>
          Save
        </button>
      </div>
    </form>
  );
}
