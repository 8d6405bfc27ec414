import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';
import { usePresenceStore } from '../../store/presence';
import { useBoard } from '../BoardContext';

const visibleRect = (s: ReactFlowState) => {
  const [tx, ty, zoom] = s.transform;
  return s.width > 0 && s.height > 0 ? `${-tx / zoom},${-ty / zoom},${s.width / zoom},${s.height / zoom}` : '';
};

/**
 * Publishes the part of the board on this screen (so others can follow it) and, while this user
 * follows someone, keeps this view on theirs. Renders nothing; lives inside <ReactFlow>.
 */
export function ViewSharing() {
  const { presence } = useBoard();
  const { fitBounds } = useReactFlow();
  // A string keeps the selector's result equal while nothing moved, so this re-renders only on pan, zoom or resize.
  const rect = useStore(visibleRect);
  const following = usePresenceStore((s) => s.following);
  const target = usePresenceStore((s) => (s.following === null ? null : (s.views[s.following] ?? null)));

  useEffect(() => {
    if (!rect) return;
    const [x = 0, y = 0, width = 0, height = 0] = rect.split(',').map(Number);
    presence.moveView({ x, y, width, height });
  }, [presence, rect]);

  useEffect(() => {
    // fitBounds shows all of their view, whatever the two screens' shapes: nothing they see is off this screen.
    if (following !== null && target) void fitBounds(target, { padding: 0, duration: 120 });
  }, [following, target, fitBounds]);

  return null;
}
