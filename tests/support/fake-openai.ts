/**
 * A local stand-in for the OpenAI HTTP API (`POST /v1/chat/completions`), which the real
 * `openai` SDK talks to in tests. Each request takes the next behaviour from a queue (the last
 * one repeats) and is recorded with its headers and body, so tests can check what was sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeBehaviour =
  /** A well-formed review citing refs the request listed as citable. */
  | 'good'
  /** A review citing refs that do not exist, and a 4 without evidence. */
  | 'bad-refs'
  /** Content that is not JSON. */
  | 'malformed'
  | 'http-500'
  /** Never answers. */
  | 'hang';

export interface RecordedRequest {
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface FakeOpenAI {
  /** Base URL to give the SDK (ends in /v1). */
  url: string;
  requests: RecordedRequest[];
  respond(...behaviours: FakeBehaviour[]): void;
  close(): Promise<void>;
}

const ITEMS = ['requirements', 'estimation', 'api', 'data-model', 'high-level-design', 'scaling', 'reliability', 'trade-offs'] as const;

function citableRefs(body: string): string[] {
  const parsed = JSON.parse(body) as { messages: { content: string }[] };
  const text = parsed.messages.map((m) => m.content).join('\n');
  const section = text.split('## Citable refs')[1] ?? '';
  return [...section.matchAll(/^- ((?:node|edge|section|answer):[A-Za-z0-9_-]+):/gm)].map((m) => m[1]!);
}

function reviewContent(behaviour: 'good' | 'bad-refs', refs: string[]): string {
  const real = refs[0] ?? 'section:requirements';
  return JSON.stringify({
    items: ITEMS.map((id, index) => ({
      id,
      score: behaviour === 'bad-refs' && id === 'trade-offs' ? 4 : 2 + (index % 2),
      summary: `Judged ${id} by the fake model.`,
      evidence:
        behaviour === 'bad-refs'
          ? id === 'trade-offs'
            ? [{ ref: 'node:not-on-the-board', text: 'an invented component' }]
            : [{ ref: 'node:ghost', text: 'a ghost' }, { ref: real, text: 'a real part of the board' }]
          : [{ ref: real, text: `Seen in ${real}` }],
      missing: [`Say more about ${id}.`],
    })),
    followUps: [{ item: 'scaling', question: 'What breaks first at ten times the traffic?' }],
  });
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: FakeBehaviour[] = ['good'];
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body, at: Date.now() });
      const behaviour = queue.length > 1 ? queue.shift()! : queue[0]!;
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      if (behaviour === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (behaviour === 'http-500') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"the fake model is down","type":"server_error"}}');
        return;
      }
      const content = behaviour === 'malformed' ? '{"items": [ this is not json' : reviewContent(behaviour, citableRefs(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'fake-model',
          choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content, refusal: null } }],
          usage: { prompt_tokens: 1234, completion_tokens: 321, total_tokens: 1555 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    respond(...behaviours) {
      queue.splice(0, queue.length, ...behaviours);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
