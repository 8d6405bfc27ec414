import { useState } from 'react';
import { selectRole, useConnectionStore } from '../store/connection';
import { CommentsPanel } from './CommentsPanel';

/** The "Comments" toggle and, while open, the comments panel. */
export function Comments() {
  const role = useConnectionStore(selectRole);
  const [open, setOpen] = useState(false);
  return open ? (
    <CommentsPanel role={role} onClose={() => setOpen(false)} />
  ) : (
    <button type="button" className="button small comments-toggle" aria-expanded={false} onClick={() => setOpen(true)}>
      Comments
    </button>
  );
}
