/**
 * One load process of `npm run bench -- sync`. Opens C board clients per room it is given,
 * each with its own Y.Doc, and has every client make realistic edits (a node drag, a label
 * edit, typing in a section) at a fixed rate, sent as `board:sync` updates. Latency is from
 * the sender's send to a peer's receipt of the same Yjs items (matched by writer and clock,
 * so the real server's re-encoded change and the relay's same bytes are measured alike).
 * Both peers of a room live in this process, so one clock times both ends.
 * Input: JSON in argv[2]. Output: one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { PROTOCOL_VERSION, decodeSyncMessage, encodeUpdateMessage, patchNode, putNode, sectionText, type Ack } from '../core/src';

export interface WorkerInput {
  url: string;
  rooms: { sessionId: string; tokens: string[] }[];
  /** Node URL per client index (two nodes: the room's clients split across them). */
  urls?: string[];
  ratePerClient: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
}

export interface WorkerOutput {
  latencies: number[];
  sent: number;
  acked: number;
  refused: Record<string, number>;
  lost: number;
  dup: number;
  connectMs: number;
}

interface Client {
  socket: Socket;
  doc: Y.Doc;
  nodeId: string;
  edits: number;
  /** Keys `writer:clock` this client has received from peers. */
  received: Set<string>;
}

const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
const latencies: number[] = [];
const refused: Record<string, number> = {};
let sent = 0;
let acked = 0;
let dup = 0;
let measuring = false;

/** Per room: send time of every measured edit, and who must receive it. */
const sentAt = new Map<string, number>();
const ackedKeys: { key: string; receivers: Client[] }[] = [];

async function main(): Promise<void> {
  const t0 = performance.now();
  const rooms: Client[][] = [];
  const connecting: Promise<void>[] = [];
  for (const room of input.rooms) {
    const clients: Client[] = [];
    room.tokens.forEach((token, index) => {
      const url = input.urls?.[index % input.urls.length] ?? input.url;
      const socket = io(url, {
        auth: { sessionId: room.sessionId, token, protocolVersion: PROTOCOL_VERSION },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        // A loaded machine can take long to accept hundreds of sockets; the run measures edits, not that.
        timeout: 120_000,
      });
      const doc = new Y.Doc();
      const client: Client = { socket, doc, nodeId: `n${doc.clientID}`, edits: 0, received: new Set() };
      clients.push(client);
      connecting.push(
        new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        }),
      );
      socket.on('board:sync', (message: ArrayBuffer | Uint8Array) => {
        const now = performance.now();
        const decoded = decodeSyncMessage(message instanceof Uint8Array ? message : new Uint8Array(message));
        if (decoded.type === 'step1') return;
        for (const struct of Y.decodeUpdate(decoded.update).structs) {
          const key = `${struct.id.client}:${struct.id.clock}`;
          const at = sentAt.get(key);
          if (at === undefined) continue;
          if (client.received.has(key)) dup++;
          else {
            client.received.add(key);
            if (measuring) latencies.push(now - at);
          }
        }
        Y.applyUpdate(doc, decoded.update, 'remote');
      });
    });
    rooms.push(clients);
  }
  await Promise.all(connecting);
  const connectMs = performance.now() - t0;

  const timers: NodeJS.Timeout[] = [];
  const interval = 1000 / input.ratePerClient;
  for (const clients of rooms) {
    for (const client of clients) {
      const peers = clients.filter((c) => c !== client);
      const start = setTimeout(() => {
        timers.push(setInterval(() => edit(client, peers), interval));
      }, Math.random() * interval);
      timers.push(start);
    }
  }
  await new Promise((r) => setTimeout(r, input.warmupMs));
  measuring = true;
  await new Promise((r) => setTimeout(r, input.measureMs));
  measuring = false;
  timers.forEach((t) => clearInterval(t));
  // Drain: wait until every acknowledged edit has reached its peers, or give up after drainMs
  // (what is still missing then counts as lost).
  const deadline = performance.now() + input.drainMs;
  const pending = () => ackedKeys.some(({ key, receivers }) => receivers.some((r) => !r.received.has(key)));
  while (performance.now() < deadline && pending()) await new Promise((r) => setTimeout(r, 100));

  let lost = 0;
  for (const { key, receivers } of ackedKeys) for (const r of receivers) if (!r.received.has(key)) lost++;
  for (const clients of rooms) for (const c of clients) c.socket.disconnect();
  const output: WorkerOutput = { latencies, sent, acked, refused, lost, dup, connectMs };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

/** One realistic edit: mostly drags, some label edits, some typing in a shared section. */
function edit(client: Client, peers: Client[]): void {
  const { doc } = client;
  const before = Y.getState(doc.store, doc.clientID);
  let update: Uint8Array | null = null;
  const take = (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') update = u;
  };
  doc.on('update', take);
  const roll = Math.random();
  if (client.edits === 0) {
    doc.transact(() => putNode(doc, { id: client.nodeId, kind: 'service', label: 'Service', x: 0, y: 0, notes: '', props: {} }));
  } else if (roll < 0.6) {
    doc.transact(() => patchNode(doc, client.nodeId, { x: Math.round(Math.random() * 2000), y: Math.round(Math.random() * 1200) }));
  } else if (roll < 0.85) {
    doc.transact(() => patchNode(doc, client.nodeId, { label: `Service ${client.edits}` }));
  } else {
    const text = sectionText(doc, 'requirements');
    doc.transact(() => text.insert(Math.floor(Math.random() * (text.length + 1)), 'abcdefghij'[client.edits % 10]!));
  }
  doc.off('update', take);
  client.edits++;
  if (!update) return;
  const key = `${doc.clientID}:${before}`;
  const measured = measuring;
  sentAt.set(key, performance.now());
  sent++;
  client.socket.emit('board:sync', encodeUpdateMessage(update), (reply: Ack<unknown>) => {
    if (reply.ok) {
      acked++;
      if (measured) ackedKeys.push({ key, receivers: peers });
    } else {
      refused[reply.error.code] = (refused[reply.error.code] ?? 0) + 1;
    }
  });
}

await main();
process.exit(0);
