/**
 * Review links: choose which reviews a read-only link shows (and, for the interviewer, whether
 * it carries the private notes and scores), create it, copy it, see the links made so far and
 * revoke any of them. Loaded lazily from the top bar.
 */
import { useCallback, useEffect, useState } from 'react';
import { absoluteShareLink, createShare, listReviews, listShares, revokeShare, type ListedReview, type ShareLink } from './share-api';
import '../export/export.css';
import { useCopyText } from '../session/useCopyText';

const REVIEWER_NAMES: Record<string, string> = { rules: 'Rules review', openai: 'AI review', human: "Interviewer's scores" };

const when = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

export interface ShareDialogProps {
  sessionId: string;
  token: string;
  /** Only the interviewer may put private notes and scores in a link. */
  canIncludePrivate: boolean;
  onClose: () => void;
}

export default function ShareDialog({ sessionId, token, canIncludePrivate, onClose }: ShareDialogProps) {
  const [reviews, setReviews] = useState<ListedReview[] | null>(null);
  const [shares, setShares] = useState<ShareLink[] | null>(null);
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [includePrivate, setIncludePrivate] = useState(false);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [r, s] = await Promise.all([listReviews(sessionId, token), listShares(sessionId, token)]);
      setReviews(r);
      setShares(s);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [sessionId, token]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const withPrivate = canIncludePrivate && includePrivate;
      const humanIds = new Set((reviews ?? []).filter((r) => r.review.reviewer === 'human').map((r) => String(r.id)));
      const picked = [...chosen].filter((id) => withPrivate || !humanIds.has(id));
      const share = await createShare(sessionId, token, all ? 'all' : picked, withPrivate);
      setCreated({ id: share.id, url: absoluteShareLink(share.link) });
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    setError(null);
    try {
      await revokeShare(sessionId, token, id);
      if (created?.id === id) setCreated(null);
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="dialog-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" data-testid="share-dialog">
        <h2 id="share-title">Share a review link</h2>
        <p className="muted">Anyone with the link sees the diagram, the summary and the reviews you choose, read-only. Revoke it to stop it working.</p>

        <fieldset className="import-choice">
          <legend>Reviews to show</legend>
          <label>
            <input type="radio" name="share-reviews" checked={all} onChange={() => setAll(true)} />
            <span>All reviews, including later ones</span>
          </label>
          <label>
            <input type="radio" name="share-reviews" checked={!all} onChange={() => setAll(false)} disabled={!reviews || reviews.length === 0} />
            <span>Only these{reviews && reviews.length === 0 ? ' (no review yet)' : ':'}</span>
          </label>
          {!all &&
            reviews?.map((r) => {
              // The interviewer's own scores are private: they can go in a link only with the private notes.
              const locked = r.review.reviewer === 'human' && !(canIncludePrivate && includePrivate);
              return (
                <label key={r.id} className="share-review">
                  <input type="checkbox" checked={chosen.has(String(r.id)) && !locked} disabled={locked} onChange={() => toggle(String(r.id))} />
                  <span>
                    {REVIEWER_NAMES[r.review.reviewer] ?? r.review.reviewer} · {r.review.overall}/100 · <span className="muted">{when(r.createdAt)}</span>
                    {locked && <span className="muted"> (only with the private notes)</span>}
                  </span>
                </label>
              );
            })}
        </fieldset>

        {canIncludePrivate && (
          <label className="share-private">
            <input type="checkbox" checked={includePrivate} onChange={(e) => setIncludePrivate(e.currentTarget.checked)} />
            <span>Include my private notes and scores</span>
          </label>
        )}

        <div>
          <button type="button" className="button primary" disabled={busy || (!all && chosen.size === 0)} onClick={() => void create()}>
            {busy ? 'Creating…' : 'Create link'}
          </button>
        </div>

        {created && <CopyRow url={created.url} label="New review link" />}

        <h3 className="share-heading">Links made so far</h3>
        {shares === null ? (
          <p className="muted">Loading…</p>
        ) : shares.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="share-list" data-testid="share-list">
            {shares.map((s) => (
              <li key={s.id} className="share-row">
                <span className="share-row-meta">
                  {when(s.createdAt)} · {s.reviews === 'all' ? 'all reviews' : `${s.reviews.length} ${s.reviews.length === 1 ? 'review' : 'reviews'}`}
                  {s.includePrivate ? ' · with private notes' : ''}
                </span>
                {s.revokedAt === null ? (
                  <button type="button" className="button small danger" onClick={() => void revoke(s.id)}>
                    Revoke
                  </button>
                ) : (
                  <span className="chip">Revoked</span>
                )}
              </li>
            ))}
          </ul>
        )}

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}

function CopyRow({ url, label }: { url: string; label: string }) {
  const { copied, copy } = useCopyText(url);
  return (
    <div className="share-row share-copy">
      <input readOnly value={url} aria-label={label} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      <button type="button" className="button small" onClick={() => void copy()}>
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}
      </button>
    </div>
  );
}
