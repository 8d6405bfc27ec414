import { describe, expect, it } from 'vitest';
import { REVIEW_MARKER, parseDesignDoc } from '../../../core/src/designdoc';

const DOC = `---
prompt: url-shortener
---

## Requirements
Shorten URLs.
`;

describe('the exported-review marker', () => {
  it('ends the design: what follows is neither a section nor lost without a word', () => {
    const { board, warnings } = parseDesignDoc(`${DOC}\n${REVIEW_MARKER}\n\n## Scores\n| Scaling | 4/4 |\n`);
    expect(board.sections).toEqual({ requirements: 'Shorten URLs.' });
    expect(warnings).toEqual([{ line: 8, message: 'the exported review from here on (2 lines) is not part of the design and is not imported' }]);
  });

  it('is only a marker outside code: quoted in a fence, it is section text', () => {
    const text = `${DOC}\n\`\`\`\n${REVIEW_MARKER}\n\`\`\`\n\n## Scaling\nShard by code.\n`;
    const { board, warnings } = parseDesignDoc(text);
    expect(board.sections.requirements).toContain(REVIEW_MARKER);
    expect(board.sections.scaling).toBe('Shard by code.');
    expect(warnings).toEqual([]);
  });
});
