import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importDesign, putNode, readBoard, sectionText, setMeta, type Board } from '../../core/src';
import { applyImport, importCounts } from '../../client/src/import/apply-import';
import { undo } from '../../client/src/store/board-history';
import { LOCAL_ORIGIN } from '../../client/src/sync/origins';
import { testNode, useBoundStore } from '../support/board-store';

const bind = useBoundStore();

const imported = (): Board =>
  importDesign(
    '---\nprompt: rate-limiter\ntitle: From a file\n---\n## API\nPOST /orders\n\n## High-level design\n```mermaid\nflowchart LR\n  subgraph core [Core]\n    api[Orders API] --> db[(Orders DB)]\n  end\n  web([Browser]) --> api\n```\n',
  ).board;

function boardWithOneEdit(): Y.Doc {
  const doc = bind(new Y.Doc());
  setMeta(doc, { prompt: 'url-shortener', title: 'Mine' });
  doc.transact(() => putNode(doc, testNode('mine', 0, 0)), LOCAL_ORIGIN);
  sectionText(doc, 'api').insert(0, 'GET /mine');
  return doc;
}

describe('applying an import to the live document', () => {
  it('counts components, groups, connections and sections separately', () => {
    expect(importCounts(imported())).toEqual({ components: 3, groups: 1, connections: 2, sections: 1 });
  });

  it('replaces the board in one undo step and keeps the session prompt and title', () => {
    const doc = boardWithOneEdit();
    const before = readBoard(doc);
    applyImport(doc, imported(), 'replace');
    const after = readBoard(doc);
    expect(after.nodes.map((n) => n.label).sort()).toEqual(['Browser', 'Core', 'Orders API', 'Orders DB']);
    expect(after.sections.api).toBe('POST /orders');
    expect(after.meta).toEqual({ prompt: 'url-shortener', title: 'Mine' });

    undo();
    expect(readBoard(doc)).toEqual(before);
  });

  it('merges beside the board in one undo step, leaving what was there untouched', () => {
    const doc = boardWithOneEdit();
    const before = readBoard(doc);
    applyImport(doc, imported(), 'merge');
    const after = readBoard(doc);
    expect(after.nodes).toHaveLength(5);
    expect(after.nodes.find((n) => n.id === 'mine')).toEqual(before.nodes[0]);
    expect(after.sections.api).toBe('GET /mine\n\nPOST /orders');

    undo();
    expect(readBoard(doc)).toEqual(before);
  });
});
