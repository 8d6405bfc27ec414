import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../log';

/**
 * Several server nodes: Socket.IO's Redis Streams adapter fans broadcasts out between nodes.
 * Streams rather than pub/sub, because pub/sub drops packets when Redis blips and cannot
 * recover them. Returns a function that disconnects.
 */
export async function useRedisAdapter(io: Server, url: string, log: Logger): Promise<() => Promise<void>> {
  const client = createClient({ url });
  client.on('error', (error: unknown) => log.warn({ err: error }, 'redis error'));
  await client.connect();
  // A node that falls more than `maxLen` entries behind loses broadcasts (clients heal at their
  // next periodic sync). At 5,000 edits/s two nodes add ~10,000 entries a second, and the
  // default 10,000 was overrun in a second under load (docs/benchmarks.md); 100,000 entries
  // (about 20 MB in Redis) give ten seconds of slack, and reading 1,000 at a time lets a
  // lagging node catch up in fewer round trips.
  io.adapter(createAdapter(client, { maxLen: 100_000, readCount: 1000 }));
  return async () => {
    await client.quit().catch(() => undefined);
  };
}
