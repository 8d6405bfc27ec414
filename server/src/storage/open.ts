import type { Config } from '../config';
import { openSqliteStorage } from './sqlite';
import type { Storage } from './types';

/** SQLite under DATA_DIR unless DATABASE_URL names a PostgreSQL server. */
export async function openStorage(config: Config): Promise<Storage> {
  if (config.DATABASE_URL) {
    const { openPostgresStorage } = await import('./postgres');
    return openPostgresStorage(config.DATABASE_URL);
  }
  return openSqliteStorage(config.DATA_DIR);
}
