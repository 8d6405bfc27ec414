import { io, type Socket } from 'socket.io-client';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  INTERVIEW_EVENTS,
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type PrivateInterview,
  type PublicInterview,
  type ServerToClientEvents,
} from '../../../core/src';
import { bindPracticeSocket } from '../practice/practice-socket';
import { useConnectionStore } from '../store/connection';
import { useInterviewStore } from '../store/interview';
import { SyncClient } from './sync-client';

export interface BoardConnection {
  doc: Y.Doc;
  awareness: Awareness;
  destroy(): void;
}

/**
 * Opens a session's board: a Y.Doc kept in IndexedDB (so edits not yet on the server survive
 * a reload or a crash), synced to the server over Socket.IO, with presence. Connection state
 * goes to useConnectionStore for the status badge.
 */
export function connectBoard(options: { sessionId: string; token: string; name?: string }): BoardConnection {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const persistence = new IndexeddbPersistence(`designroom:${options.sessionId}`, doc);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    auth: { sessionId: options.sessionId, token: options.token, protocolVersion: PROTOCOL_VERSION, name: options.name },
    reconnectionDelayMax: 3000,
    autoConnect: false,
  });
  const sync = new SyncClient({
    doc,
    awareness,
    socket,
    onState: (state) => useConnectionStore.setState(state),
  });
  // The interview events sit outside the typed board protocol; they are checked by zod on the server.
  const loose = socket as unknown as Socket;
  loose.on(INTERVIEW_EVENTS.state, (view: PublicInterview) =>
    useInterviewStore.setState((s) => ({
      interview: view.interview,
      questions: view.questions,
      // An observer whose sharing just ended must stop showing the notes and scores it was sent.
      private: useConnectionStore.getState().welcome?.role === 'observer' && !view.interview.shareWithObservers ? null : s.private,
    })),
  );
  const unbindPractice = bindPracticeSocket(loose, options);
  loose.on(INTERVIEW_EVENTS.privateState, (view: PrivateInterview) => useInterviewStore.setState({ private: view }));
  useInterviewStore.setState({
    interview: null,
    questions: [],
    private: null,
    send: async (event, payload) => {
      try {
        return (await loose.timeout(10_000).emitWithAck(event, payload)) as Ack<unknown>;
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'no answer from the server; try again' } };
      }
    },
  });

  // Connect once local edits are loaded, so the first exchange already carries them; if
  // IndexedDB is unavailable or slow (private windows), connect anyway rather than hang.
  const loaded = new Promise((resolve) => setTimeout(resolve, 1500));
  void Promise.race([persistence.whenSynced, loaded]).then(() => socket.connect());

  const onUnload = () => awareness.setLocalState(null);
  window.addEventListener('beforeunload', onUnload);

  return {
    doc,
    awareness,
    destroy() {
      window.removeEventListener('beforeunload', onUnload);
      awareness.setLocalState(null);
      sync.destroy();
      unbindPractice();
      socket.disconnect();
      void persistence.destroy();
      awareness.destroy();
      doc.destroy();
    },
  };
}
