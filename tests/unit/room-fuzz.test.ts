import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { putComment, putNode, readBoard, removeNodes, sectionText, nodesMap, patchNode, type Role } from '../../core/src';
import { pick, seededRandom } from '../support/random';
import { rawUpdate } from '../support/raw-updates';
import { createHarness, type Harness, type HarnessClient } from '../support/room-harness';

/**
 * A seeded fuzz of the room without a transport (after tldraw sync-core's): writers edit,
 * messages are delivered late, out of order, twice or never, clients resync, storage fails
 * for a while, and junk or forged updates arrive. After every step: nothing is pending in
 * the room, every acknowledged update is in the room, and what is stored is what the room
 * holds. At the end, with the network healed, every writer and storage converge on the room.
 */
let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const covers = (doc: Y.Doc, update: Uint8Array) => {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  return true;
};

async function checkInvariants(h: Harness, step: number): Promise<void> {
  await h.room.flush();
  const where = `step ${step}`;
  expect(h.room.doc.store.pendingStructs, where).toBeNull();
  expect(h.room.doc.store.pendingDs, where).toBeNull();
  for (const c of h.clients) for (const u of c.acked) expect(covers(h.room.doc, u), `${where}: acked update of ${c.id} in the room`).toBe(true);
  if (!h.faults.failing) {
    const stored = await h.stored();
    expect(Y.encodeStateVector(stored), `${where}: storage holds what the room holds`).toEqual(Y.encodeStateVector(h.room.doc));
    expect(readBoard(stored), where).toEqual(readBoard(h.room.doc));
  }
}

function randomEdit(random: () => number, h: Harness, client: HarnessClient, n: number): void {
  const ids = [...nodesMap(client.doc).keys()];
  const roll = random();
  h.edit(client, (doc) => {
    if (roll < 0.3 || ids.length === 0) putNode(doc, { id: `n${n}`, kind: 'service', label: `node ${n}`, x: n, y: n, notes: '', props: {} });
    else if (roll < 0.55) patchNode(doc, pick(random, ids), { x: Math.floor(random() * 1000), label: `moved ${n}` });
    else if (roll < 0.8) {
      const text = sectionText(doc, 'requirements');
      text.insert(Math.floor(random() * (text.length + 1)), `t${n} `);
    } else if (roll < 0.9) putComment(doc, { id: `c${n}`, target: 'board', author: client.id, role: client.role, text: `comment ${n}`, createdAt: n, resolved: false });
    else removeNodes(doc, [pick(random, ids)]);
  });
}

async function run(seed: number, steps: number): Promise<void> {
  const random = seededRandom(seed);
  const roles: Role[] = ['candidate', 'interviewer', 'candidate', 'observer'];
  const h = await createHarness(roles);
  harness = h;
  const writers = h.clients.filter((c) => c.role !== 'observer');
  const observer = h.clients.find((c) => c.role === 'observer')!;
  let failUntil = -1;
  for (let step = 0; step < steps; step++) {
    if (step === failUntil) h.faults.failing = false;
    const client = pick(random, writers);
    const roll = random();
    if (roll < 0.3) randomEdit(random, h, client, step);
    else if (roll < 0.55) {
      // Mostly in order; sometimes a later message overtakes an earlier one.
      const index = random() < 0.8 ? 0 : Math.floor(random() * client.outbox.length);
      await h.deliverToRoom(client, index);
    } else if (roll < 0.7) h.deliverToClient(client, random() < 0.8 ? 0 : Math.floor(random() * client.inbox.length));
    else if (roll < 0.75) client.outbox.splice(Math.floor(random() * client.outbox.length), 1);
    else if (roll < 0.8) client.inbox.splice(Math.floor(random() * client.inbox.length), 1);
    else if (roll < 0.84) {
      const message = client.outbox[Math.floor(random() * client.outbox.length)];
      if (message) client.outbox.push(message);
    } else if (roll < 0.9) await h.resync(client);
    else if (roll < 0.93 && failUntil < step) {
      h.faults.failing = true;
      failUntil = step + 1 + Math.floor(random() * 5);
    } else {
      // Junk and forgeries: refused, and the room does not change.
      const before = Y.encodeStateVector(h.room.doc);
      const forger = new Y.Doc();
      const signedAs = client.role === 'candidate' ? 'interviewer' : 'candidate';
      const junk = pick(random, [
        rawUpdate(900_000 + step, 0, [{ kind: 'any', value: 'x', origin: [800_000 + step, 3] }]),
        rawUpdate(0, 0, [], [{ client: 700_000 + step, clock: 0, len: 2 }]),
        Y.encodeStateAsUpdate((putComment(forger, { id: `f${step}`, target: 'board', author: 'x', role: signedAs, text: 'forged', createdAt: 1, resolved: false }), forger)),
      ]);
      const sender = random() < 0.5 ? observer : client;
      const refusedBefore = sender.refusals.length;
      sender.outbox.unshift({ kind: 'update', bytes: junk });
      await h.deliverToRoom(sender);
      expect(sender.refusals.length, `step ${step}: junk refused`).toBe(refusedBefore + 1);
      expect(Y.encodeStateVector(h.room.doc), `step ${step}: junk changed nothing`).toEqual(before);
    }
    await checkInvariants(h, step);
  }

  // Heal: storage works, every message arrives, everyone resyncs twice.
  h.faults.failing = false;
  await h.room.ready();
  for (const c of writers) {
    while (c.outbox.length > 0) await h.deliverToRoom(c);
  }
  for (let round = 0; round < 2; round++) for (const c of writers) await h.resync(c);
  for (const c of writers) {
    c.inbox = [];
    expect(readBoard(c.doc), `${c.id} converged`).toEqual(readBoard(h.room.doc));
  }
  await checkInvariants(h, steps);
  expect(observer.acked).toEqual([]);
}

describe('room fuzz (transport-free, seeded)', () => {
  for (const seed of [1, 2, 3, 42, 1337]) {
    it(`seed ${seed}: invariants hold at every step and everyone converges`, async () => {
      await run(seed, 250);
    });
  }
});
