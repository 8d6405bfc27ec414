import { PHASE_IDS, RUBRIC_ITEM_TITLES, type PhaseId, type RubricItemId } from '../../../core/src';

export const PHASE_TITLES: Record<PhaseId, string> = {
  requirements: 'Requirements',
  estimation: 'Estimation',
  'high-level-design': 'High-level design',
  'deep-dive': 'Deep dive',
  'wrap-up': 'Wrap-up',
};

export const phaseTitle = (phase: string): string => PHASE_TITLES[phase as PhaseId] ?? phase;

export function nextPhase(phase: PhaseId): PhaseId | null {
  return PHASE_IDS[PHASE_IDS.indexOf(phase) + 1] ?? null;
}

export const itemTitle = (item: string | null): string => (item ? (RUBRIC_ITEM_TITLES[item as RubricItemId] ?? item) : '');

/** 83_000 → "01:23"; an hour or more → "1:01:23". */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

export const timeOfDay = (at: number): string => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
