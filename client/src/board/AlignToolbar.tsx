import { Fragment, type ReactNode } from 'react';
import { arrangeableIds } from '../store/board-arrange';
import { useBoardStore } from '../store/board';
import { ARRANGE_COMMANDS, type ArrangeCommand } from './arrange-commands';
import './arrange.css';

const bars = (rects: readonly (readonly [number, number, number, number])[], line?: readonly [number, number, number, number]) => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    {line && <line x1={line[0]} y1={line[1]} x2={line[2]} y2={line[3]} stroke="currentColor" strokeWidth="1.5" />}
    {rects.map(([x, y, w, h]) => (
      <rect key={`${x},${y}`} x={x} y={y} width={w} height={h} rx="0.5" fill="currentColor" opacity="0.75" />
    ))}
  </svg>
);

const ICONS: Record<ArrangeCommand['id'], ReactNode> = {
  left: bars([[4, 3, 10, 3], [4, 10, 6, 3]], [2, 1, 2, 15]),
  center: bars([[3, 3, 10, 3], [5, 10, 6, 3]], [8, 1, 8, 15]),
  right: bars([[2, 3, 10, 3], [6, 10, 6, 3]], [14, 1, 14, 15]),
  top: bars([[3, 4, 3, 10], [10, 4, 3, 6]], [1, 2, 15, 2]),
  middle: bars([[3, 3, 3, 10], [10, 5, 3, 6]], [1, 8, 15, 8]),
  bottom: bars([[3, 2, 3, 10], [10, 6, 3, 6]], [1, 14, 15, 14]),
  horizontal: bars([[1, 4, 3, 8], [6.5, 4, 3, 8], [12, 4, 3, 8]]),
  vertical: bars([[4, 1, 8, 3], [4, 6.5, 8, 3], [4, 12, 8, 3]]),
};

/**
 * Align and distribute, over the canvas while two or more components (or groups) are
 * selected; distributing needs three.
 */
export function AlignToolbar() {
  const writable = useBoardStore((s) => s.writable);
  const units = useBoardStore((s) => arrangeableIds(s).length);
  if (!writable || units < 2) return null;
  return (
    <div className="board-toolbar align-toolbar" role="toolbar" aria-label="Arrange selection">
      {ARRANGE_COMMANDS.map((command, i) => (
        <Fragment key={command.id}>
          {i > 0 && command.min !== ARRANGE_COMMANDS[i - 1]?.min && <span className="divider" aria-hidden="true" />}
          <button
            type="button"
            className="tool"
            aria-label={command.label}
            title={`${command.label} (Alt Shift ${command.letter})`}
            disabled={units < command.min}
            onClick={command.run}
          >
            {ICONS[command.id]}
          </button>
        </Fragment>
      ))}
    </div>
  );
}
