import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../core/src';
import type { CreatedSession } from './board-client';

/**
 * A bare Socket.IO connection in one role, resolved once the server welcomed it: for tests that
 * send hand-made (often malformed) messages no real client would. The caller closes it.
 */
export async function connectRawSocket(url: string, session: CreatedSession, role: 'candidate' | 'interviewer' | 'observer'): Promise<Socket> {
  const socket = io(url, {
    auth: { sessionId: session.id, token: session.tokens[role], protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('session:welcome', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
