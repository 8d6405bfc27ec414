import { useStore, ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { useGuides } from '../store/board-guides';

/** The guide lines of the drag in progress, one screen pixel thick at any zoom. */
export const AlignmentGuides = memo(function AlignmentGuides() {
  const guides = useGuides((s) => s.guides);
  const zoom = useStore((s) => s.transform[2]);
  if (guides.length === 0) return null;
  const thickness = 1 / zoom;
  return (
    <ViewportPortal>
      {guides.map((g) => (
        <div
          key={`${g.axis}:${g.at}`}
          className="alignment-guide"
          data-testid="alignment-guide"
          style={
            g.axis === 'x'
              ? { transform: `translate(${g.at - thickness / 2}px, ${g.from}px)`, width: thickness, height: g.to - g.from }
              : { transform: `translate(${g.from}px, ${g.at - thickness / 2}px)`, width: g.to - g.from, height: thickness }
          }
          aria-hidden="true"
        />
      ))}
    </ViewportPortal>
  );
});
