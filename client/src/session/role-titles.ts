import type { Role } from '../../../core/src';

/** Role names as people read them. A file of its own so the home page does not load the board's code. */
export const ROLE_TITLES: Record<Role, string> = { candidate: 'Candidate', interviewer: 'Interviewer', observer: 'Observer' };
