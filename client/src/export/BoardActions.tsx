import type { Role } from '../../../core/src';
import { openImportPicker } from '../import/import-request';
import { useBoardStore } from '../store/board';
import { BoardExportMenu } from './BoardExportMenu';

/** What the top bar offers for moving a design in and out of the room: Import (writers only) and Export. */
export function BoardActions({ sessionId, token, title }: { sessionId: string; token: string; title: string; role: Role | null }) {
  const writable = useBoardStore((s) => s.writable);
  return (
    <>
      {writable && (
        <button type="button" className="button small" onClick={openImportPicker}>
          Import
        </button>
      )}
      <BoardExportMenu sessionId={sessionId} token={token} title={title} />
    </>
  );
}
