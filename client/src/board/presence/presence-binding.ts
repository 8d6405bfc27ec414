import type { Awareness } from 'y-protocols/awareness';
import { selectedNodeIds, setRemoteDrags, useBoardStore } from '../../store/board';
import type { RemoteDrag } from '../../store/board-flow';
import { usePresenceStore, type Cursor, type RemoteSelection, type TypingMark, type ViewRect } from '../../store/presence';
import { colorForKey, MAX_SHARED_SELECTION, readDrag, readPoint, readSelection, readTyping, readUser, readView, throttle, type UserField } from './awareness-state';
import { browserId } from './browser-id';
import { followedClient, groupPeople, type Participant } from './group-people';

/** Awareness messages per second a pointer or a drag may cause. */
const PUBLISH_INTERVAL_MS = 50;

export interface PresenceBinding {
  /** Publishes who this user is (with this browser's id, so their tabs count as one person). */
  setUser(user: Omit<UserField, 'color' | 'id'>): void;
  /** This user's pointer in flow coordinates, or null when it left the canvas; throttled. */
  moveCursor(point: { x: number; y: number } | null): void;
  /** The part of the board on this user's screen, in flow coordinates; throttled. */
  moveView(view: ViewRect): void;
  destroy(): void;
}

/**
 * Connects awareness to the stores: other people's states become `usePresenceStore` (who is
 * here, cursors, selections, views, who types where) and remote drags in the board store; this user's drags in
 * progress and selection (the board store's local state) are published as `drag` and `selection`.
 */
export function bindPresence(awareness: Awareness): PresenceBinding {
  const self = awareness.clientID;

  // When each state last changed, on this page's clock: the tab a person uses is the one that changes.
  const changedAt = new Map<number, number>();
  const onChange = (changes?: { added: number[]; updated: number[]; removed: number[] }) => {
    const now = Date.now();
    for (const id of [...(changes?.added ?? []), ...(changes?.updated ?? [])]) changedAt.set(id, now);
    for (const id of changes?.removed ?? []) changedAt.delete(id);
    const participants: Participant[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const user = readUser(state, clientId);
      if (user) participants.push({ clientId, user, changedAt: changedAt.get(clientId) ?? 0 });
    }
    const people = groupPeople(participants, self);
    // This user's other tabs are this user: their pointers and selections are not someone else's.
    const mine = new Set(people.find((p) => p.self)?.clientIds ?? [self]);
    const cursors: Cursor[] = [];
    const selections: RemoteSelection[] = [];
    const views: Record<number, ViewRect> = {};
    const drags: Record<string, RemoteDrag> = {};
    const typing: TypingMark[] = [];
    for (const { clientId, user } of participants) {
      if (mine.has(clientId)) continue;
      const state = awareness.getStates().get(clientId);
      const cursor = readPoint(state, 'cursor');
      if (cursor) cursors.push({ clientId, name: user.name, color: user.color, ...cursor });
      const drag = readDrag(state);
      if (drag) drags[drag.id] = { x: drag.x, y: drag.y, color: user.color, name: user.name };
      const ids = readSelection(state);
      if (ids.length > 0) selections.push({ clientId, name: user.name, color: user.color, ids });
      const view = readView(state);
      if (view) views[clientId] = view;
      const typed = readTyping(state);
      if (typed) typing.push({ clientId, name: user.name, color: user.color, ...typed });
    }
    typing.sort((a, b) => a.at - b.at || a.clientId - b.clientId);
    const presence = usePresenceStore.getState();
    if (
      !sameList(presence.people, people, (a, b) =>
        a.clientId === b.clientId && a.name === b.name && a.color === b.color && a.role === b.role && a.bot === b.bot && a.self === b.self && sameList(a.clientIds, b.clientIds, (x, y) => x === y),
      )
    ) {
      usePresenceStore.setState({ people });
    }
    if (!sameList(presence.cursors, cursors, (a, b) => a.clientId === b.clientId && a.x === b.x && a.y === b.y && a.name === b.name)) {
      usePresenceStore.setState({ cursors });
    }
    if (!sameList(presence.selections, selections, (a, b) => a.clientId === b.clientId && a.color === b.color && a.name === b.name && sameList(a.ids, b.ids, (x, y) => x === y))) {
      usePresenceStore.setState({ selections });
    }
    if (!sameViews(presence.views, views)) usePresenceStore.setState({ views });
    if (!sameList(presence.typing, typing, (a, b) => a.clientId === b.clientId && a.section === b.section && a.name === b.name && a.color === b.color && a.at === b.at)) {
      usePresenceStore.setState({ typing });
    }
    const { following } = usePresenceStore.getState();
    const followed = followedClient(people, following);
    if (followed !== following) usePresenceStore.setState({ following: followed });
    const before = useBoardStore.getState().remoteDrags;
    const keys = Object.keys(drags);
    const same =
      keys.length === Object.keys(before).length &&
      keys.every((id) => before[id]?.x === drags[id]?.x && before[id]?.y === drags[id]?.y && before[id]?.color === drags[id]?.color);
    if (!same) setRemoteDrags(drags);
  };
  awareness.on('change', onChange);
  onChange();

  const publishDrag = throttle((drag: { id: string; x: number; y: number }) => awareness.setLocalStateField('drag', drag), PUBLISH_INTERVAL_MS);
  let dragging = false;
  let publishedSelection: string[] = [];
  const unsubscribe = useBoardStore.subscribe((s, prev) => {
    if (s.local === prev.local) return;
    const selection = selectedNodeIds(s).slice(0, MAX_SHARED_SELECTION);
    if (!sameList(selection, publishedSelection, (a, b) => a === b)) {
      publishedSelection = selection;
      awareness.setLocalStateField('selection', selection);
    }
    const id = Object.keys(s.local).find((key) => s.local[key]?.dragging && s.local[key]?.position);
    const position = id ? s.local[id]?.position : undefined;
    if (id && position) {
      dragging = true;
      publishDrag({ id, x: Math.round(position.x), y: Math.round(position.y) });
    } else if (dragging) {
      dragging = false;
      publishDrag.cancel();
      // After the drop's document write has gone out, so others never see the node jump back.
      queueMicrotask(() => awareness.setLocalStateField('drag', null));
    }
  });

  const publishCursor = throttle((point: { x: number; y: number } | null) => awareness.setLocalStateField('cursor', point), PUBLISH_INTERVAL_MS);
  const publishView = throttle((view: ViewRect) => awareness.setLocalStateField('view', view), PUBLISH_INTERVAL_MS);

  return {
    setUser(user) {
      const id = browserId();
      awareness.setLocalStateField('user', { ...user, color: colorForKey(id), id });
    },
    moveCursor(point) {
      publishCursor(point ? { x: Math.round(point.x), y: Math.round(point.y) } : null);
    },
    moveView(view) {
      const round = (n: number) => Math.round(n * 10) / 10;
      publishView({ x: round(view.x), y: round(view.y), width: round(view.width), height: round(view.height) });
    },
    destroy() {
      awareness.off('change', onChange);
      unsubscribe();
      publishDrag.cancel();
      publishCursor.cancel();
      publishView.cancel();
      usePresenceStore.setState({ people: [], cursors: [], selections: [], views: {}, typing: [], following: null });
    },
  };
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return y !== undefined && same(x, y);
  });
}

function sameViews(a: Readonly<Record<number, ViewRect>>, b: Readonly<Record<number, ViewRect>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[Number(key)];
    const y = b[Number(key)];
    return x !== undefined && y !== undefined && x.x === y.x && x.y === y.y && x.width === y.width && x.height === y.height;
  });
}
