import { alignSelection, distributeSelection } from '../store/board-arrange';
import { MIN_TO_ALIGN, MIN_TO_DISTRIBUTE, type Alignment, type Axis } from '../store/board-align';

/** One align or distribute operation, as the selection toolbar and the keyboard offer it. */
export interface ArrangeCommand {
  id: Alignment | Axis;
  label: string;
  /** With Alt+Shift; matched on `KeyboardEvent.code` because Alt changes `key` on macOS. */
  letter: string;
  /** Fewest selected units the command needs. */
  min: number;
  run(): void;
}

const aligner = (id: Alignment, label: string, letter: string): ArrangeCommand => ({
  id,
  label,
  letter,
  min: MIN_TO_ALIGN,
  run: () => alignSelection(id),
});

const distributor = (id: Axis, label: string, letter: string): ArrangeCommand => ({
  id,
  label,
  letter,
  min: MIN_TO_DISTRIBUTE,
  run: () => distributeSelection(id),
});

export const ARRANGE_COMMANDS: readonly ArrangeCommand[] = [
  aligner('left', 'Align left', 'L'),
  aligner('center', 'Align horizontal centres', 'C'),
  aligner('right', 'Align right', 'R'),
  aligner('top', 'Align top', 'T'),
  aligner('middle', 'Align vertical middles', 'M'),
  aligner('bottom', 'Align bottom', 'B'),
  distributor('horizontal', 'Distribute horizontally', 'H'),
  distributor('vertical', 'Distribute vertically', 'V'),
];

/** The command for an Alt+Shift key press, if any. */
export function arrangeCommandFor(event: Pick<KeyboardEvent, 'code'>): ArrangeCommand | undefined {
  return ARRANGE_COMMANDS.find((c) => event.code === `Key${c.letter}`);
}
