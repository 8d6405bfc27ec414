import { useEffect, useState } from 'react';
import type { Question } from '../../../core/src';
import { sessionApi } from './api';
import { phaseTitle } from './format';

/** Something that happened at a moment of the round, shown as a tick on the replay's time axis. */
export interface ReplayMarker {
  at: number;
  kind: 'phase' | 'question' | 'curveball';
  label: string;
}

/** Phase changes and questions from the summary data. */
export function baseMarkers(phaseLog: { phase: string; at: number }[], questions: Question[]): ReplayMarker[] {
  return [
    ...phaseLog.map((p) => ({ at: p.at, kind: 'phase' as const, label: phaseTitle(p.phase) })),
    ...questions.map((q) => ({ at: q.askedAt, kind: 'question' as const, label: q.text })),
  ];
}

/** A curveball as another part of the server may describe it: its time and its text under any of a few names. */
function curveballMarker(raw: unknown): ReplayMarker | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const at = [r.at, r.firedAt, r.sentAt, r.askedAt, r.createdAt].find((v): v is number => typeof v === 'number');
  const label = [r.title, r.text, r.description, r.label].find((v): v is string => typeof v === 'string');
  return at === undefined ? null : { at, kind: 'curveball', label: label ?? 'Curveball' };
}

/**
 * Curveballs of the session, if this server has them (`GET /api/sessions/:id/curveballs`).
 * A server without the route (404) or any failure gives none: the replay works without them.
 */
export function useCurveballMarkers(sessionId: string, token: string): ReplayMarker[] {
  const [markers, setMarkers] = useState<ReplayMarker[]>([]);
  useEffect(() => {
    let live = true;
    sessionApi<unknown>(sessionId, token, '/curveballs')
      .then((body) => {
        const list = Array.isArray(body) ? body : Array.isArray((body as { curveballs?: unknown })?.curveballs) ? (body as { curveballs: unknown[] }).curveballs : [];
        if (live) setMarkers(list.map(curveballMarker).filter((m): m is ReplayMarker => m !== null));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sessionId, token]);
  return markers;
}
