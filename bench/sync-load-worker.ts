/**
 * One load process of `npm run bench -- sync`. It must cost far less CPU per edit than the
 * server it measures, because both share this machine's cores: so it speaks the wire
 * protocol directly over `ws` (Engine.IO 4 / Socket.IO 5 framing, as docs/protocol.md and the
 * Socket.IO protocol describe it) instead of running socket.io-client, and it encodes every
 * edit before the clock starts instead of running Yjs while measuring.
 *
 * Every client owns one Y.Doc in which it makes realistic edits (bench/edit-mix.ts): a node
 * drag, a label edit, typing in a section, prepared up front, then sent at a fixed rate as
 * `board:sync` updates.
 * A client does not apply its peers' edits: its own edits build only on its own items, which
 * keeps every update valid without tracking the room's state. Latency is from the send to a
 * peer's receipt of the same Yjs items, found by the first item's writer and clock in the
 * update (the server broadcasts a fresh update as received, the relay the same bytes); both
 * ends of a room live in this process, so one clock times both.
 * Input: JSON in argv[2]. Output: one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, encodeUpdateMessage } from '../core/src';
import { prepareEditMix } from './edit-mix';

export interface WorkerInput {
  url: string;
  /** `url`: the node every client of this room connects to (overrides `urls`). */
  rooms: { sessionId: string; tokens: string[]; url?: string }[];
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
  /** CPU time this load process spent while edits were being sent, per edit (ms). */
  cpuMsPerEdit: number;
  /** Edits sent inside the measured window. */
  measuredSent: number;
  /**
   * `review:followups` events received inside the measured window. In a live session the
   * reviewer sends the rules' follow-ups to the interviewer on every checklist refresh, so this
   * counts refreshes (the relay sends none).
   */
  reviewerRefreshes: number;
}

/** An edit encoded before the run: the message to send and the key its receipt is matched by. */
interface PreparedEdit {
  key: string;
  message: Buffer;
}

interface Client {
  socket: RawSocketIo;
  edits: PreparedEdit[];
  next: number;
  peers: Client[];
  /** Keys `writer:clock` this client has received from peers. */
  received: Set<string>;
}

const BOARD_SYNC_HEADER = '["board:sync",{"_placeholder":true,"num":0}]';
const FOLLOWUPS_PREFIX = '42["review:followups"';

/**
 * The smallest Socket.IO client the bench needs: connect with auth, answer pings, emit
 * `board:sync` with one binary attachment and an acknowledgement, receive acknowledgements and
 * binary `board:sync` events, and count `review:followups`. Every other event is read and ignored.
 */
class RawSocketIo {
  private readonly ws: WebSocket;
  private nextAckId = 0;
  private readonly acks = new Map<number, (reply: string) => void>();
  /** A binary packet whose attachments are still arriving. */
  private partial: { event: string | null; left: number; frames: Buffer[] } | null = null;
  onSync: (update: Uint8Array) => void = () => undefined;
  onFollowups: () => void = () => undefined;
  readonly connected: Promise<void>;

  constructor(url: string, auth: Record<string, unknown>) {
    const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    this.ws = new WebSocket(wsUrl, { perMessageDeflate: false });
    this.connected = new Promise((resolve, reject) => {
      this.ws.on('error', reject);
      this.ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) return this.attachment(data);
        const text = data.toString();
        if (text[0] === '0') this.ws.send(`40${JSON.stringify(auth)}`);
        else if (text === '2') this.ws.send('3');
        else if (text.startsWith('40')) resolve();
        else if (text.startsWith('44')) reject(new Error(`connect refused: ${text.slice(2)}`));
        else if (text.startsWith('43')) this.ack(text.slice(2));
        else if (text.startsWith('45') || text.startsWith('46')) this.binaryHeader(text);
        else if (text.startsWith(FOLLOWUPS_PREFIX)) this.onFollowups();
      });
    });
  }

  emitSync(message: Buffer, onAck: (reply: string) => void): void {
    const id = this.nextAckId++;
    this.acks.set(id, onAck);
    this.ws.send(`451-${id}${BOARD_SYNC_HEADER}`);
    this.ws.send(message, { binary: true });
  }

  close(): void {
    this.ws.close();
  }

  private ack(rest: string): void {
    const bracket = rest.indexOf('[');
    const id = Number(rest.slice(0, bracket));
    const callback = this.acks.get(id);
    this.acks.delete(id);
    callback?.(rest.slice(bracket));
  }

  private binaryHeader(text: string): void {
    const dash = text.indexOf('-');
    const left = Number(text.slice(2, dash));
    // Only events matter here; a binary acknowledgement (a step-1 reply) is never asked for.
    const event = text[1] === '5' ? /^\d*\["([^"]+)"/.exec(text.slice(dash + 1))?.[1] ?? null : null;
    this.partial = { event, left, frames: [] };
  }

  private attachment(frame: Buffer): void {
    const partial = this.partial;
    if (!partial) return;
    partial.frames.push(frame);
    if (--partial.left > 0) return;
    this.partial = null;
    if (partial.event === 'board:sync') this.onSync(partial.frames[0]!);
  }
}

/**
 * `writer:clock` of the first item in a y-protocols update message: enough to identify one
 * edit, and read without decoding the whole update.
 */
function firstItemKey(message: Uint8Array): string | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== 2) return null; // not an update (y-protocols' messageYjsUpdate)
  decoding.readVarUint(decoder); // the update's length
  if (decoding.readVarUint(decoder) === 0) return null; // no items, only deletions
  decoding.readVarUint(decoder); // items in the first group
  const writer = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return `${writer}:${clock}`;
}

/** Every edit one client will send, made in its own document before the clock starts. */
function prepareEdits(count: number): PreparedEdit[] {
  return prepareEditMix(count).map(({ update, writer, clock }) => ({ key: `${writer}:${clock}`, message: Buffer.from(encodeUpdateMessage(update)) }));
}

const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
const latencies: number[] = [];
const refused: Record<string, number> = {};
let sent = 0;
let acked = 0;
let dup = 0;
let measuring = false;
let reviewerRefreshes = 0;
/** Send time of every edit sent, by key. */
const sentAt = new Map<string, number>();
/** Edits acknowledged while measuring, and who must receive them. */
const ackedKeys: { key: string; receivers: Client[] }[] = [];

function send(client: Client): void {
  const edit = client.edits[client.next++];
  if (!edit) return;
  const measured = measuring;
  sentAt.set(edit.key, performance.now());
  sent++;
  client.socket.emitSync(edit.message, (reply) => {
    if (reply.startsWith('[{"ok":true')) {
      acked++;
      if (measured) ackedKeys.push({ key: edit.key, receivers: client.peers });
      return;
    }
    const code = (JSON.parse(reply) as [{ error?: { code?: string } }])[0].error?.code ?? 'UNKNOWN';
    refused[code] = (refused[code] ?? 0) + 1;
  });
}

async function main(): Promise<void> {
  const editsPerClient = Math.ceil((input.ratePerClient * (input.warmupMs + input.measureMs)) / 1000) + 2;
  const rooms: Client[][] = [];
  for (const room of input.rooms) {
    const clients: Client[] = room.tokens.map((token, index) => {
      const url = room.url ?? input.urls?.[index % input.urls.length] ?? input.url;
      const socket = new RawSocketIo(url, { sessionId: room.sessionId, token, protocolVersion: PROTOCOL_VERSION });
      return { socket, edits: prepareEdits(editsPerClient), next: 0, peers: [], received: new Set<string>() };
    });
    for (const client of clients) {
      client.peers = clients.filter((c) => c !== client);
      client.socket.onFollowups = () => {
        if (measuring) reviewerRefreshes++;
      };
      client.socket.onSync = (message) => {
        const now = performance.now();
        const key = firstItemKey(message);
        const at = key === null ? undefined : sentAt.get(key);
        if (at === undefined) return;
        if (client.received.has(key!)) dup++;
        else {
          client.received.add(key!);
          if (measuring) latencies.push(now - at);
        }
      };
    }
    rooms.push(clients);
  }
  const t0 = performance.now();
  await Promise.all(rooms.flat().map((c) => c.socket.connected));
  const connectMs = performance.now() - t0;
  const say = (what: string) => process.stderr.write(`  [load ${process.pid}] ${what}\n`);
  say(`${rooms.flat().length} clients connected in ${connectMs.toFixed(0)} ms`);

  const timers: NodeJS.Timeout[] = [];
  const interval = 1000 / input.ratePerClient;
  for (const client of rooms.flat()) {
    timers.push(setTimeout(() => timers.push(setInterval(() => send(client), interval)), Math.random() * interval));
  }
  await new Promise((r) => setTimeout(r, input.warmupMs));
  const cpu0 = process.cpuUsage();
  const sent0 = sent;
  measuring = true;
  // Tells the parent the window opened, so it can read the server's CPU over the same span.
  process.stdout.write('measure-start\n');
  await new Promise((r) => setTimeout(r, input.measureMs));
  measuring = false;
  process.stdout.write('measure-end\n');
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerEdit = (cpu.user + cpu.system) / 1000 / Math.max(1, sent - sent0);
  timers.forEach((t) => clearInterval(t));
  // Drain: wait until every acknowledged edit has reached its peers, or give up after drainMs
  // (what is still missing then counts as lost).
  const deadline = performance.now() + input.drainMs;
  const pending = () => ackedKeys.some(({ key, receivers }) => receivers.some((r) => !r.received.has(key)));
  while (performance.now() < deadline && pending()) await new Promise((r) => setTimeout(r, 100));

  say(`sent ${sent}, drained in ${(performance.now() - deadline + input.drainMs).toFixed(0)} ms`);
  let lost = 0;
  for (const { key, receivers } of ackedKeys) for (const r of receivers) if (!r.received.has(key)) lost++;
  for (const client of rooms.flat()) client.socket.close();
  const output: WorkerOutput = { latencies: latencies.map((ms) => Math.round(ms * 1000) / 1000), sent, acked, refused, lost, dup, connectMs, cpuMsPerEdit, measuredSent: sent - sent0, reviewerRefreshes };
  // A pipe is written asynchronously: exit only once the whole line is out, or the parent reads half of it.
  process.stdout.write(`${JSON.stringify(output)}\n`, () => process.exit(0));
}

await main();
