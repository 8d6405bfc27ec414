import { useReactFlow, ViewportPortal } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { selectOnly, setEdgeSelection, useBoardStore } from '../store/board';
import { refTarget, usePracticeStore } from './practice-store';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How long the ring stays: long enough to find it after the view has moved. */
const RING_MS = 4000;

/**
 * Shows on the canvas the node or edge a piece of evidence cites: selects it, centres the view
 * on it and draws a ring around it for a few seconds. Lives inside the ReactFlowProvider; the
 * ring is drawn in the flow's viewport, so it follows pans and zooms.
 */
export function EvidenceHighlight() {
  const highlight = usePracticeStore((s) => s.highlight);
  const nodes = useBoardStore((s) => s.nodes);
  const edges = useBoardStore((s) => s.edges);
  const { getInternalNode, setCenter } = useReactFlow();
  const [ring, setRing] = useState<(Box & { ref: string }) | null>(null);

  useEffect(() => {
    const ref = highlight?.ref;
    const nodeId = refTarget(ref, 'node');
    const edgeId = refTarget(ref, 'edge');
    const boxOf = (id: string): Box | null => {
      const internal = getInternalNode(id);
      if (!internal) return null;
      const { x, y } = internal.internals.positionAbsolute;
      return { x, y, width: internal.measured.width ?? 0, height: internal.measured.height ?? 0 };
    };
    let box: Box | null = null;
    if (nodeId && nodes.has(nodeId)) {
      selectOnly([nodeId]);
      box = boxOf(nodeId);
    } else if (edgeId) {
      const edge = edges.get(edgeId);
      const a = edge ? boxOf(edge.source) : null;
      const b = edge ? boxOf(edge.target) : null;
      if (a && b) {
        selectOnly([]);
        setEdgeSelection(new Set([edgeId]));
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        box = { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
      }
    }
    if (!box || !ref) {
      setRing(null);
      return;
    }
    void setCenter(box.x + box.width / 2, box.y + box.height / 2, { duration: 250, zoom: 1 });
    setRing({ ...box, ref });
    const timer = window.setTimeout(() => setRing(null), RING_MS);
    return () => window.clearTimeout(timer);
    // Only a new request moves the view; later board changes must not pull it back.
  }, [highlight]);

  if (!ring) return null;
  const pad = 8;
  return (
    <ViewportPortal>
      <div
        className="pr-evidence-ring"
        data-testid="evidence-highlight"
        data-ref={ring.ref}
        style={{ transform: `translate(${ring.x - pad}px, ${ring.y - pad}px)`, width: ring.width + 2 * pad, height: ring.height + 2 * pad }}
      />
    </ViewportPortal>
  );
}
