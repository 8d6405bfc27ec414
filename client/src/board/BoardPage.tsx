import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useInterviewViews } from '../interview/interview-views';
import { SideDock, type DockView } from '../layout/SideDock';
import { PromptCard } from '../panels/PromptCard';
import { SectionsPanel } from '../panels/SectionsPanel';
import { useSessionClosed } from '../session/closed';
import { useDock } from '../layout/dock-store';
import { useRememberSession } from '../session/recent-sessions';
import { canWrite, ROLE_TITLES, useRole } from '../session/role';
import { bindBoard, setWritable } from '../store/board';
import { paletteCompact, useBoardUi } from '../store/board-ui';
import { INITIAL_CONNECTION, useConnectionStore } from '../store/connection';
import { usePresenceStore } from '../store/presence';
import { connectBoard } from '../sync/board-connection';
import { BoardContext, type BoardHandle } from './BoardContext';
import { Canvas } from './Canvas';
import { NodeInspector } from './NodeInspector';
import { Palette } from './Palette';
import { BoardNotices } from './notices/BoardNotices';
import { NameDialog } from './presence/NameDialog';
import { storedName, storeName } from './presence/name';
import { bindPresence } from './presence/presence-binding';
import { InterviewDock } from '../interview/InterviewDock';
import { BoardExtras } from '../export/BoardExtras';
import { TopBar } from './TopBar';
import { useBoardMeta, usePromptDetails } from './useBoardMeta';

/** One session's board: connects to it, projects it into the stores, lays out the workspace. */
export function BoardPage({ sessionId, token }: { sessionId: string; token: string }) {
  const [handle, setHandle] = useState<BoardHandle | null>(null);
  const [name, setName] = useState<string | null>(() => storedName());
  const [askName, setAskName] = useState(false);
  const role = useRole(sessionId);
  // After the end the board only reads, for every role: no palette, no editing.
  const closed = useSessionClosed();
  const writable = canWrite(role) && !closed;
  const compact = useBoardUi((ui) => paletteCompact(ui, role));
  const dockFolded = useDock((d) => d.dockFolded);
  const status = useConnectionStore((s) => s.status);
  const lastError = useConnectionStore((s) => s.lastError);
  const welcomePrompt = useConnectionStore((s) => s.welcome?.prompt);
  const mode = useConnectionStore((s) => s.welcome?.mode ?? null);
  const people = usePresenceStore((s) => s.people);
  const meta = useBoardMeta(handle?.doc ?? null);
  const prompt = usePromptDetails(welcomePrompt ?? meta.prompt);

  useEffect(() => {
    const connection = connectBoard({ sessionId, token, name: storedName() ?? undefined });
    let unbind = () => {};
    let presence: BoardHandle['presence'] | null = null;
    // A refused edit replaces the document (sync-client.ts): every store follows the new one.
    const bind = (doc: BoardHandle['doc'], awareness: BoardHandle['awareness']) => {
      presence?.destroy();
      unbind();
      unbind = bindBoard(doc);
      presence = bindPresence(awareness);
      setHandle({ sessionId, doc, awareness, presence });
    };
    bind(connection.doc, connection.awareness);
    const stopFollowing = connection.onReplaced(bind);
    return () => {
      stopFollowing();
      presence?.destroy();
      unbind();
      connection.destroy();
      setHandle(null);
      useConnectionStore.setState({ ...INITIAL_CONNECTION });
    };
  }, [sessionId, token]);

  useEffect(() => setWritable(writable), [writable]);

  // Until a name is chosen, others see a default such as "Candidate 2".
  const sameRole = people.filter((p) => !p.self && p.role === role).length;
  const shownName = name ?? (role ? `${ROLE_TITLES[role]} ${sameRole + 1}` : 'Guest');
  useEffect(() => {
    if (handle && role) handle.presence.setUser({ name: shownName, role });
  }, [handle, role, shownName]);

  const interviewViews = useInterviewViews(sessionId, token);
  const title = prompt?.title ?? meta.title ?? 'Design board';
  useRememberSession(sessionId, token, { title: prompt?.title ?? meta.title ?? null, mode, role });
  // The side dock's views, top to bottom. A new panel is one more entry here (see decision 010).
  const views: DockView[] = [
    { id: 'prompt', title: 'Prompt', foldedByDefault: role === 'interviewer', content: <PromptCard prompt={prompt} /> },
    { id: 'sections', title: 'Design sections', grow: true, content: <SectionsPanel readOnly={!writable} /> },
    ...interviewViews,
  ];
  const showNameDialog = status !== 'denied' && role !== null && (name === null || askName);

  return (
    <ReactFlowProvider>
      <div className="board-page">
        <TopBar sessionId={sessionId} token={token} title={title} role={role} onRenameSelf={() => setAskName(true)} />
        <InterviewDock sessionId={sessionId} token={token} />
        <BoardNotices />
        {handle ? (
          <BoardContext.Provider value={handle}>
            {/* Keyed by document: what held the replaced one (undo history, text bindings) starts afresh. */}
            <div key={handle.doc.guid} className={`workspace${writable ? '' : ' read-only'}${writable && compact ? ' palette-compact' : ''}${dockFolded ? ' dock-folded' : ''}`}>
              {writable && <Palette compact={compact} />}
              <Canvas />
              <SideDock header={<NodeInspector />} views={views} />
            </div>
            <BoardExtras />
          </BoardContext.Provider>
        ) : (
          <div className="workspace" />
        )}
        {status === 'denied' && (
          <div className="dialog-backdrop">
            <div className="dialog" role="alertdialog" aria-labelledby="denied-title">
              <h2 id="denied-title">This link is not valid</h2>
              <p>{lastError?.message ?? 'The server did not accept this board link.'}</p>
              <p className="muted">Check that you copied the whole link, or ask for a new one.</p>
              <a className="button primary" href="/">
                Start a new session
              </a>
            </div>
          </div>
        )}
        {showNameDialog && (
          <NameDialog
            initial={shownName}
            onSave={(chosen) => {
              storeName(chosen);
              setName(chosen);
              setAskName(false);
            }}
            onClose={() => {
              if (name === null) {
                storeName(shownName);
                setName(shownName);
              }
              setAskName(false);
            }}
          />
        )}
      </div>
    </ReactFlowProvider>
  );
}
