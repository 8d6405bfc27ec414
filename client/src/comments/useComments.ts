import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { commentsMap, readComment, type BoardComment } from '../../../core/src';

function readComments(doc: Y.Doc): BoardComment[] {
  const out: BoardComment[] = [];
  for (const [id, y] of commentsMap(doc).entries()) {
    const comment = readComment(id, y);
    if (comment) out.push(comment);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The board's comments, oldest first, kept current as anyone adds or resolves one. */
export function useComments(doc: Y.Doc): BoardComment[] {
  const [comments, setComments] = useState(() => readComments(doc));
  useEffect(() => {
    const map = commentsMap(doc);
    const update = () => setComments(readComments(doc));
    map.observeDeep(update);
    update();
    return () => map.unobserveDeep(update);
  }, [doc]);
  return comments;
}
