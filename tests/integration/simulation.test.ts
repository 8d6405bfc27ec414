import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NODE_KINDS,
  SECTION_IDS,
  edgesMap,
  nodesMap,
  patchEdge,
  patchNode,
  putEdge,
  putNode,
  readBoard,
  removeEdges,
  removeNodes,
  sectionText,
} from '../../core/src';
import { connectClient, createSession, eventually, type TestClient } from '../support/board-client';
import { pick, seededRandom } from '../support/random';
import { startServer, type RunningServer } from '../support/server';

/**
 * Seeded simulation: several clients make random board edits with random pauses, drop and
 * restore their connections, and must all end with the same board as the server.
 * Seeds that ever failed are pinned here; SIM_SEEDS=1,2,3 explores others.
 */
const PINNED_SEEDS = [1, 7, 42, 1337];
const seeds = process.env.SIM_SEEDS ? process.env.SIM_SEEDS.split(',').map(Number) : PINNED_SEEDS;
const CLIENTS = 3;
const OPS_PER_CLIENT = 60;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function randomEdit(client: TestClient, random: () => number, tag: string, step: number): void {
  const { doc } = client;
  const nodeIds = [...nodesMap(doc).keys()];
  const edgeIds = [...edgesMap(doc).keys()];
  const roll = random();
  doc.transact(() => {
    if (roll < 0.25 || nodeIds.length < 2) {
      putNode(doc, {
        id: `${tag}-${step}`,
        kind: pick(random, NODE_KINDS),
        label: `node ${tag} ${step}`,
        x: Math.round(random() * 1000),
        y: Math.round(random() * 1000),
        notes: '',
        props: {},
      });
    } else if (roll < 0.4) {
      patchNode(doc, pick(random, nodeIds), { x: Math.round(random() * 1000), y: Math.round(random() * 1000) });
    } else if (roll < 0.5) {
      patchNode(doc, pick(random, nodeIds), { label: `renamed by ${tag} at ${step}` });
    } else if (roll < 0.58) {
      removeNodes(doc, [pick(random, nodeIds)]);
    } else if (roll < 0.72) {
      putEdge(doc, { id: `${tag}-e${step}`, source: pick(random, nodeIds), target: pick(random, nodeIds), label: '', mode: random() < 0.5 ? 'sync' : 'async' });
    } else if (roll < 0.78 && edgeIds.length > 0) {
      patchEdge(doc, pick(random, edgeIds), { label: `calls ${step}` });
    } else if (roll < 0.82 && edgeIds.length > 0) {
      removeEdges(doc, [pick(random, edgeIds)]);
    } else {
      const text = sectionText(doc, pick(random, SECTION_IDS));
      if (text.length > 10 && random() < 0.3) text.delete(Math.floor(random() * (text.length - 5)), 3);
      else text.insert(Math.floor(random() * (text.length + 1)), `[${tag}${step}]`);
    }
  });
}

describe('seeded simulation of several clients converges', () => {
  it.each(seeds)('seed %i: every client and the server end with the same board', async (seed) => {
    const session = await createSession(server.url);
    const clients = Array.from({ length: CLIENTS }, (_, i) =>
      connectClient(server.url, session.id, i % 2 === 0 ? session.tokens.candidate : session.tokens.interviewer),
    );
    try {
      await Promise.all(clients.map((c) => c.until((s) => s.status === 'saved', 'initial sync')));
      await Promise.all(
        clients.map(async (client, index) => {
          const mine = seededRandom(seed * 100 + index);
          for (let step = 0; step < OPS_PER_CLIENT; step++) {
            const roll = mine();
            if (roll < 0.06 && client.socket.connected) client.socket.disconnect();
            else if (roll < 0.16 && !client.socket.connected) client.socket.connect();
            randomEdit(client, mine, `c${index}`, step);
            await new Promise((r) => setTimeout(r, Math.floor(mine() * 25)));
          }
        }),
      );
      for (const client of clients) if (!client.socket.connected) client.socket.connect();
      await Promise.all(clients.map((c) => c.until((s) => s.status === 'saved', 'final save', 30_000)));

      const reference = () => JSON.stringify(readBoard(clients[0]!.doc));
      await eventually(() => clients.every((c) => JSON.stringify(readBoard(c.doc)) === reference()), 'clients to converge', 30_000);
      const res = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
        headers: { authorization: `Bearer ${session.tokens.observer}`, accept: 'application/json' },
      });
      expect(JSON.stringify(await res.json())).toBe(reference());
      expect(readBoard(clients[0]!.doc).nodes.length).toBeGreaterThan(0);
    } finally {
      clients.forEach((c) => c.close());
    }
  });
});
