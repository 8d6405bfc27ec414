import type { Role } from '../../../core/src';
import { BoardExportMenu } from './BoardExportMenu';

/** What the top bar offers for taking a design out of the room: the Export menu. */
export function BoardActions({ sessionId, token, title }: { sessionId: string; token: string; title: string; role: Role | null }) {
  return <BoardExportMenu sessionId={sessionId} token={token} title={title} />;
}
