/**
 * The store's projection of the document: this user's edits at once, everyone else's once per
 * animation frame, and untouched nodes kept as the very same objects.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { nodesMap, patchNode, putEdge, putNode, removeNodes, type BoardNode } from '../../core/src';
import { renameNode } from '../../client/src/store/board-actions';
import { bindBoard, setWritable, useBoardStore } from '../../client/src/store/board';
import { LOCAL_ORIGIN, REMOTE_ORIGIN } from '../../client/src/sync/origins';

const node = (id: string, x = 0): BoardNode => ({ id, kind: 'service', label: id, x, y: 0, notes: '', props: {} });

let frames: (() => void)[] = [];
/** Runs the animation frame the page would paint next. */
function nextFrame(): void {
  const due = frames;
  frames = [];
  for (const run of due) run();
}

let cleanup: (() => void)[] = [];
beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => {
    frames[handle - 1] = () => undefined;
  });
});
afterEach(() => {
  for (const fn of cleanup.reverse()) fn();
  cleanup = [];
  vi.unstubAllGlobals();
});

/** This page's document, bound to the store, and a second participant who sends it updates. */
function pair(count = 300) {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  remote.transact(() => {
    for (let i = 0; i < count; i++) putNode(remote, node(`n${i}`, i * 10));
    putEdge(remote, { id: 'e1', source: 'n0', target: 'n1', label: '', mode: 'sync' });
  });
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote), REMOTE_ORIGIN);
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, REMOTE_ORIGIN));
  cleanup.push(bindBoard(local), () => setWritable(false));
  setWritable(true);
  const updates = vi.fn();
  cleanup.push(useBoardStore.subscribe(updates));
  return { local, remote, updates };
}

const label = (id: string) => useBoardStore.getState().nodes.get(id)?.label;

describe('board projection', () => {
  it('applies a burst of remote updates once, on the next frame', () => {
    const { remote, updates } = pair();
    const before = useBoardStore.getState();
    for (let i = 0; i < 100; i++) remote.transact(() => patchNode(remote, `n${i}`, { label: `Moved ${i}` }));

    expect(updates).not.toHaveBeenCalled();
    expect(label('n0')).toBe('n0');
    nextFrame();
    expect(updates).toHaveBeenCalledTimes(1);
    expect(label('n0')).toBe('Moved 0');
    expect(label('n99')).toBe('Moved 99');

    const after = useBoardStore.getState();
    // Nodes nobody touched are the same objects, for the store and for React Flow.
    expect(after.nodes.get('n150')).toBe(before.nodes.get('n150'));
    const flow = (s: typeof before, id: string) => s.flowNodes.find((n) => n.id === id);
    expect(flow(after, 'n150')).toBe(flow(before, 'n150'));
    expect(flow(after, 'n5')).not.toBe(flow(before, 'n5'));
    expect(flow(after, 'n5')?.data.node.label).toBe('Moved 5');
    // No edge changed and no node came or went: the edge list is the same array.
    expect(after.flowEdges).toBe(before.flowEdges);
    nextFrame();
    expect(updates).toHaveBeenCalledTimes(1);
  });

  it('projects this user’s own edit at once, together with remote changes still waiting', () => {
    const { local, remote, updates } = pair();
    remote.transact(() => patchNode(remote, 'n1', { label: 'theirs' }));
    local.transact(() => patchNode(local, 'n2', { label: 'mine' }), LOCAL_ORIGIN);
    expect(updates).toHaveBeenCalledTimes(1);
    expect(label('n2')).toBe('mine');
    expect(label('n1')).toBe('theirs');
    nextFrame();
    expect(updates).toHaveBeenCalledTimes(1);
  });

  it('brings the store up to date before an action reads it to write', () => {
    const { local, remote } = pair();
    remote.transact(() => patchNode(remote, 'n1', { label: 'theirs' }));
    const written: unknown[] = [];
    local.on('afterTransaction', (tr: Y.Transaction) => written.push(tr.origin));
    // Renaming to the label the node already has writes nothing, which only a current store knows.
    renameNode('n1', 'theirs');
    expect(label('n1')).toBe('theirs');
    expect(written).toEqual([]);
  });

  it('projects an undo at once', () => {
    const { local } = pair(3);
    const undo = new Y.UndoManager(nodesMap(local), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    local.transact(() => patchNode(local, 'n0', { label: 'renamed' }), LOCAL_ORIGIN);
    expect(label('n0')).toBe('renamed');
    undo.undo();
    expect(label('n0')).toBe('n0');
  });

  it('drops deleted nodes, their edges and their local state when the frame comes', () => {
    const { remote } = pair(3);
    useBoardStore.setState({ local: { n0: { selected: true } } });
    remote.transact(() => removeNodes(remote, ['n0']));
    expect(useBoardStore.getState().flowEdges).toHaveLength(1);
    nextFrame();
    const s = useBoardStore.getState();
    expect(s.nodes.has('n0')).toBe(false);
    expect(s.local.n0).toBeUndefined();
    expect(s.flowNodes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(s.flowEdges).toHaveLength(0);
  });
});
