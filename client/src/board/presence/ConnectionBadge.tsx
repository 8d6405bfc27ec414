import { useConnectionStore, type ConnectionStatus } from '../../store/connection';

const LABELS: Record<Exclude<ConnectionStatus, 'connecting'>, string> = {
  saved: 'Saved',
  syncing: 'Syncing…',
  offline: 'Offline — edits kept',
  refused: 'Not saved',
  denied: 'Link not valid',
};

const HINTS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting to the server.',
  saved: 'Every change is stored on the server.',
  syncing: 'Some changes are on their way to the server.',
  offline: 'No connection. Your changes are kept in this browser and sent when the connection is back.',
  refused: 'The server refused a change; it is being undone so this board matches the saved one.',
  denied: 'The server did not accept this link.',
};

/** Where this user's work stands with the server, always visible in the top bar. */
export function ConnectionBadge() {
  const status = useConnectionStore((s) => s.status);
  // A welcome means the server accepted us once already: this is a reconnect.
  const welcomed = useConnectionStore((s) => s.welcome !== null);
  const label = status === 'connecting' ? (welcomed ? 'Reconnecting…' : 'Connecting…') : LABELS[status];
  return (
    <span className={`status-badge status-${status}`} data-testid="connection-status" data-status={status} role="status" title={HINTS[status]}>
      <span className="status-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
