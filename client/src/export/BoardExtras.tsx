import { BoardNotice } from './BoardNotice';

/** Board-page pieces of export and import that live outside the top bar. */
export function BoardExtras() {
  return <BoardNotice />;
}
