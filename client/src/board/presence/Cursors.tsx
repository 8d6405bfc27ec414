import { useStore, ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { usePresenceStore } from '../../store/presence';

/** Other people's pointers, placed in flow coordinates and kept at screen size at any zoom. */
export const Cursors = memo(function Cursors() {
  const cursors = usePresenceStore((s) => s.cursors);
  const zoom = useStore((s) => s.transform[2]);
  if (cursors.length === 0) return null;
  return (
    <ViewportPortal>
      {cursors.map((c) => (
        <div
          key={c.clientId}
          className="remote-cursor"
          style={{ transform: `translate(${c.x}px, ${c.y}px) scale(${1 / zoom})`, color: c.color }}
          aria-hidden="true"
        >
          <svg width="16" height="20" viewBox="0 0 16 20">
            <path d="M1 1l5.5 17 2.5-7 6-2.5Z" fill="currentColor" stroke="#fff" strokeWidth="1.2" strokeLinejoin="round" />
          </svg>
          <span className="remote-cursor-name" style={{ background: c.color }}>
            {c.name}
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
});
