import { lazy, Suspense, useSyncExternalStore } from 'react';
import { HomePage } from './session/HomePage';
import { MissingToken } from './session/MissingToken';
import { takeToken } from './session/token';
import { currentLocation, subscribeToNavigation } from './session/navigation';

// The board (React Flow, Yjs, Socket.IO) loads only when a board is opened, so the home page stays light.
const BoardPage = lazy(() => import('./board/BoardPage').then((m) => ({ default: m.BoardPage })));
const SummaryPage = lazy(() => import('./interview/SummaryPage').then((m) => ({ default: m.SummaryPage })));

/** Three pages, so no router library: `/` is the home page, `/s/:id` a session's board, `/s/:id/summary` its summary. */
export function App() {
  const location = useSyncExternalStore(subscribeToNavigation, currentLocation);
  const summary = /^\/s\/([A-Za-z0-9_-]{1,64})\/summary\/?(?:#|$)/.exec(location);
  if (summary?.[1]) return <SummaryRoute key={summary[1]} sessionId={summary[1]} />;
  const board = /^\/s\/([A-Za-z0-9_-]{1,64})\/?(?:#|$)/.exec(location);
  if (board?.[1]) return <BoardRoute key={board[1]} sessionId={board[1]} />;
  return <HomePage />;
}

/** Re-rendered on every location change, so a link pasted over this one (new fragment) is taken too. */
function BoardRoute({ sessionId }: { sessionId: string }) {
  const token = takeToken(sessionId);
  if (!token) return <MissingToken />;
  return (
    <Suspense fallback={<div className="loading-page">Opening the board…</div>}>
      <BoardPage sessionId={sessionId} token={token} />
    </Suspense>
  );
}

function SummaryRoute({ sessionId }: { sessionId: string }) {
  const token = takeToken(sessionId);
  if (!token) return <MissingToken />;
  return (
    <Suspense fallback={<div className="loading-page">Opening the summary…</div>}>
      <SummaryPage sessionId={sessionId} token={token} />
    </Suspense>
  );
}
