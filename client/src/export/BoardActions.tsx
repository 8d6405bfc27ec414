import type { Role } from '../../../core/src';
import { openImportPicker } from '../import/import-request';
import { ShareButton } from '../share/ShareButton';
import { useBoardStore } from '../store/board';
import { useConnectionStore } from '../store/connection';
import { BoardExportMenu } from './BoardExportMenu';

/** What the top bar offers for moving a design in and out of the room: Import (writers only), Export, and review links. */
export function BoardActions({ sessionId, token, title, role }: { sessionId: string; token: string; title: string; role: Role | null }) {
  const writable = useBoardStore((s) => s.writable);
  const mode = useConnectionStore((s) => s.welcome?.mode ?? null);
  return (
    <>
      {writable && (
        <button type="button" className="button small" onClick={openImportPicker}>
          Import
        </button>
      )}
      <BoardExportMenu sessionId={sessionId} token={token} title={title} />
      <ShareButton sessionId={sessionId} token={token} role={role} mode={mode} />
    </>
  );
}
