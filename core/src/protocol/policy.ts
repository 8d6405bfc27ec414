import type { Role } from './events';

/**
 * Who may do what, in one table that the server (HTTP routes and socket handlers), the client
 * (which controls it shows) and tests/integration/roles.test.ts all read. The README's role
 * table is this table in prose. A live round and a solo practice session differ only where a
 * row says so: practising alone, the candidate keeps the clock and ends the session.
 */
export interface PolicyRule {
  live: readonly Role[];
  solo: readonly Role[];
  /** Roles that may also do it while the interviewer shares notes and scores with observers. */
  whileShared?: readonly Role[];
}

const WRITERS = ['candidate', 'interviewer'] as const;
const EVERYONE = ['candidate', 'interviewer', 'observer'] as const;
const INTERVIEWER = ['interviewer'] as const;
const both = (roles: readonly Role[]): PolicyRule => ({ live: roles, solo: roles });

export const POLICY = {
  /** See the board, comments, presence; GET /document, /summary, /timeline, /replay. */
  'board.read': both(EVERYONE),
  /** `board:sync` updates and `PUT /document`. */
  'board.write': both(WRITERS),
  /** Add, resolve, reopen comments (signed with the writer's own role). */
  'comment.write': both(WRITERS),
  /** See the question queue (`interview:state`, GET /interview). */
  'questions.read': both(EVERYONE),
  'question.ask': both(INTERVIEWER),
  'question.answer': both(['candidate']),
  /** `timer:control`: timer and phase. */
  'timer.control': { live: INTERVIEWER, solo: ['candidate', 'interviewer'] },
  'note.add': both(INTERVIEWER),
  'scores.update': both(INTERVIEWER),
  /** The hire recommendation, and releasing the closing review to the candidate. */
  'verdict.write': both(INTERVIEWER),
  /** POST /answers: the candidate's answer to a reviewer's follow-up question. */
  'answer.add': both(['candidate']),
  /** GET /hints: hints per phase, for someone practising alone (and the interviewer). */
  'hints.read': { live: INTERVIEWER, solo: ['candidate', 'interviewer'] },
  /** POST /curveballs: change a requirement mid-session. Practising alone, the reviewer's curveball is the candidate's to call. */
  'curveball.add': { live: INTERVIEWER, solo: ['candidate', 'interviewer'] },
  /** Make, list and revoke read-only review links (POST/GET/DELETE /shares). */
  'share.manage': { live: INTERVIEWER, solo: ['candidate', 'interviewer'] },
  /** Put the private notes and the human scores into a review link. */
  'share.private': both(INTERVIEWER),
  /** `notes:share`: show observers the notes and scores. */
  'notes.share': both(INTERVIEWER),
  /** Private notes and scores: `private:state`, GET /private, the human review. */
  'private.read': { ...both(INTERVIEWER), whileShared: ['observer'] },
  /** The prompt's answer key (GET /prompt). */
  'prompt.read': both(INTERVIEWER),
  /** POST /reviews. */
  'review.run': both(WRITERS),
  /** POST /close. */
  'session.close': { live: INTERVIEWER, solo: ['candidate', 'interviewer'] },
} as const satisfies Record<string, PolicyRule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export interface PolicyContext {
  mode: 'live' | 'solo';
  /** Whether the interviewer currently shares notes and scores with observers. */
  shared?: boolean;
}

/** Whether `role` may do `action` in a session of this mode (and sharing state). */
export function may(role: Role | null | undefined, action: Action, context: PolicyContext): boolean {
  if (!role) return false;
  const rule: PolicyRule = POLICY[action];
  if (rule[context.mode].includes(role)) return true;
  return Boolean(context.shared && rule.whileShared?.includes(role));
}

/** The roles that may do `action` in every mode, regardless of sharing. */
export function rolesAlways(action: Action): ReadonlySet<Role> {
  const rule: PolicyRule = POLICY[action];
  return new Set(rule.live.filter((role) => rule.solo.includes(role)));
}
