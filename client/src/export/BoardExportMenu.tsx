import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { ExportMenu } from './ExportMenu';
import type { Rect } from './image-frame';

/** The Export menu of the board page: the server's exports plus PNG and SVG of this canvas. */
export function BoardExportMenu({ sessionId, token, title }: { sessionId: string; token: string; title: string }) {
  const { getNodes, getNodesBounds } = useReactFlow();
  const imageBounds = useCallback((): Rect | null => {
    const nodes = getNodes();
    return nodes.length === 0 ? null : getNodesBounds(nodes);
  }, [getNodes, getNodesBounds]);
  return <ExportMenu sessionId={sessionId} token={token} title={title} imageBounds={imageBounds} />;
}
