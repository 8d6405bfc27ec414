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
  io.adapter(createAdapter(client, { maxLen: 10_000 }));
  return async () => {
    await client.quit().catch(() => undefined);
  };
}
