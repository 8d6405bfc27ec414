import { describe, it, expect } from 'vitest';
import { headingKey, matchHeading, sectionForHeading } from '../../../core/src/designdoc';

describe('section headings (design-doc-format.md, "Sections")', () => {
  it.each([
    ['Requirements', 'requirements'],
    ['Functional requirements', 'requirements'],
    ['Non-Functional Requirements', 'requirements'],
    ['Scope', 'requirements'],
    ['Clarifying questions?', 'requirements'],
    ['Estimation', 'estimation'],
    ['Capacity estimation', 'estimation'],
    ['Back-of-the-envelope', 'estimation'],
    ['Back of the envelope', 'estimation'],
    ['Scale estimates', 'estimation'],
    ['API', 'api'],
    ['API design', 'api'],
    ['Endpoints', 'api'],
    ['Interface', 'api'],
    ['Data model', 'data-model'],
    ['Database schema', 'data-model'],
    ['Entities', 'data-model'],
    ['High-level design', 'high-level-design'],
    ['HIGH LEVEL DESIGN', 'high-level-design'],
    ['Architecture', 'high-level-design'],
    ['Components', 'high-level-design'],
    ['Deep dive', 'scaling'],
    ['Bottlenecks', 'scaling'],
    ['Performance', 'scaling'],
    ['Fault tolerance', 'reliability'],
    ['Failure handling', 'reliability'],
    ['Durability', 'reliability'],
    ['Trade-offs', 'trade-offs'],
    ['Tradeoffs', 'trade-offs'],
    ['Alternatives considered', 'trade-offs'],
    ['Decisions', 'trade-offs'],
    ['Notes', 'notes'],
    ['3. Data model', 'data-model'],
    ['  Scaling:  ', 'scaling'],
  ])('%s -> %s', (heading, id) => {
    expect(sectionForHeading(heading)).toBe(id);
  });

  it('sends unknown headings to notes and says they matched nothing', () => {
    expect(sectionForHeading('Open questions')).toBe('notes');
    expect(matchHeading('Open questions')).toBeNull();
    expect(matchHeading('')).toBeNull();
  });

  it('ignores case and punctuation only', () => {
    expect(headingKey('High-Level Design!')).toBe('highleveldesign');
    expect(headingKey('Données')).toBe('données');
  });
});
