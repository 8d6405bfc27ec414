import { useEffect } from 'react';
import { dismissNotice, useNoticeStore } from '../store/notice';

const SHOWN_MS = 8000;

/** The board's one-line message (a refused paste, a shortened label, an import done), gone after a few seconds. */
export function BoardNotice() {
  const notice = useNoticeStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => dismissNotice(notice.id), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`board-notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="board-notice">
      <p>{notice.text}</p>
      <button type="button" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
        ×
      </button>
    </div>
  );
}
