import { io, type Socket } from 'socket.io-client';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  INTERVIEW_EVENTS,
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type PrivateInterview,
  type InterviewEventName,
  type PublicInterview,
  type ServerToClientEvents,
} from '../../../core/src';
import { bindPracticeSocket } from '../practice/practice-socket';
import { useConnectionStore } from '../store/connection';
import { useInterviewStore } from '../store/interview';
import { LocalCopy, localCopyName } from './local-copy';
import { SyncClient } from './sync-client';

export interface BoardConnection {
  /** The document in use; a refusal replaces it (see `onReplaced`). */
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Calls `listener` with the new document and awareness each time a refusal rebuilt the board. */
  onReplaced(listener: (doc: Y.Doc, awareness: Awareness) => void): () => void;
  destroy(): void;
}

/**
 * Opens a session's board: a Y.Doc kept in IndexedDB (so edits not yet on the server survive
 * a reload or a crash), synced to the server over Socket.IO, with presence. Connection state
 * goes to useConnectionStore for the status badge. When the server refuses an edit, the sync
 * client rebuilds the document from the server's; the browser's copy follows it here.
 */
export function connectBoard(options: { sessionId: string; token: string; name?: string }): BoardConnection {
  let doc = new Y.Doc();
  let awareness = new Awareness(doc);
  const localCopy = new LocalCopy(localCopyName(options.sessionId), doc);
  const listeners = new Set<(doc: Y.Doc, awareness: Awareness) => void>();
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    auth: { sessionId: options.sessionId, token: options.token, protocolVersion: PROTOCOL_VERSION, name: options.name },
    // Only for a load balancer: with several nodes, hashing on it keeps a session's sockets on
    // one node (docs/deploy.md). The server reads the session from `auth`, never from here.
    query: { session: options.sessionId },
    reconnectionDelayMax: 3000,
    autoConnect: false,
  });
  const sync = new SyncClient({
    doc,
    awareness,
    socket,
    onState: (state) => useConnectionStore.setState(state),
    onReplaced: (next, nextAwareness) => {
      doc = next;
      awareness = nextAwareness;
      void localCopy.replace(next);
      for (const listener of listeners) listener(next, nextAwareness);
    },
  });
  useConnectionStore.setState({ dismissRefusal: () => sync.dismissRefusal() });
  socket.on(INTERVIEW_EVENTS.state, (view: PublicInterview) => {
    useInterviewStore.setState((s) => ({
      interview: view.interview,
      questions: view.questions,
      // An observer whose sharing just ended must stop showing the notes and scores it was sent.
      private: useConnectionStore.getState().welcome?.role === 'observer' && !view.interview.shareWithObservers ? null : s.private,
    }));
    sync.setClosed(view.interview.closedAt !== null);
  });
  const unbindPractice = bindPracticeSocket(socket, options);
  socket.on(INTERVIEW_EVENTS.privateState, (view: PrivateInterview) => useInterviewStore.setState({ private: view }));
  useInterviewStore.setState({
    interview: null,
    questions: [],
    private: null,
    send: async (event, payload) => {
      try {
        // TypeScript cannot check emitWithAck against a generic event name; `send`'s own
        // signature already ties each event of the typed map to its payload.
        const timed = socket.timeout(10_000);
        const emit = timed.emitWithAck.bind(timed) as unknown as (event: InterviewEventName, payload: unknown) => Promise<Ack<unknown>>;
        return await emit(event, payload);
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'no answer from the server; try again' } };
      }
    },
  });

  // Connect once local edits are loaded, so the first exchange already carries them; if
  // IndexedDB is unavailable or slow (private windows), connect anyway rather than hang.
  const loaded = new Promise((resolve) => setTimeout(resolve, 1500));
  void Promise.race([localCopy.whenLoaded, loaded]).then(() => socket.connect());

  const onUnload = () => awareness.setLocalState(null);
  window.addEventListener('beforeunload', onUnload);

  return {
    get doc() {
      return doc;
    },
    get awareness() {
      return awareness;
    },
    onReplaced(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      window.removeEventListener('beforeunload', onUnload);
      awareness.setLocalState(null);
      sync.destroy();
      unbindPractice();
      socket.disconnect();
      void localCopy.destroy();
      awareness.destroy();
      doc.destroy();
    },
  };
}
