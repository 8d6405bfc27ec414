import { useEffect } from 'react';
import { SECTION_IDS, type SectionId } from '../../../core/src';
import { refTarget, usePracticeStore } from './practice-store';

const isSection = (id: string | null): id is SectionId => id !== null && (SECTION_IDS as readonly string[]).includes(id);

/**
 * For the sections panel: when the user asks to see a `section:ID` piece of evidence, opens
 * that section (through `open`) and returns its id while it is the one to highlight.
 */
export function useSectionFocus(open: (id: SectionId) => void): SectionId | null {
  const highlight = usePracticeStore((s) => s.highlight);
  const target = refTarget(highlight?.ref, 'section');
  const section = isSection(target) ? target : null;
  useEffect(() => {
    if (section) open(section);
    // Every request (a repeat click on the same section too) opens it again.
  }, [section, highlight?.at, open]);
  return section;
}
