/**
 * Structure detectors over text: endpoints (verb + path, or an RPC signature), HTTP status
 * codes, request/response payloads, tables with columns, keys, indexes and named stores.
 */
import { compileTerms, matchesAny } from './text';

const ENDPOINT = /\b(GET|POST|PUT|PATCH|DELETE|HEAD)\s+`?(\/[^\s`'",;)]*)/g;
const RPC = /\b(?:rpc\s+)?([A-Z][a-z]+(?:[A-Z][a-z]+)+)\s*\(([^()]*)\)\s*(?:->|→|=>|returns|:)/g;
const WEBSOCKET = /\b(wss?:\/\/\S+|websocket\s+(?:message|frame|event)s?\s*[`'"]?\w+)/gi;

export interface Endpoint {
  verb: string;
  path: string;
}

export function findEndpoints(text: string): Endpoint[] {
  const out: Endpoint[] = [];
  ENDPOINT.lastIndex = 0;
  for (let m = ENDPOINT.exec(text); m; m = ENDPOINT.exec(text)) out.push({ verb: m[1] as string, path: m[2] as string });
  RPC.lastIndex = 0;
  for (let m = RPC.exec(text); m; m = RPC.exec(text)) out.push({ verb: 'RPC', path: m[1] as string });
  WEBSOCKET.lastIndex = 0;
  for (let m = WEBSOCKET.exec(text); m; m = WEBSOCKET.exec(text)) out.push({ verb: 'WS', path: m[1] as string });
  return out;
}

const KNOWN_STATUS = new Set([
  200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 406, 408, 409, 410, 412, 413, 415, 422, 425, 428,
  429, 451, 500, 501, 502, 503, 504,
]);

/** HTTP status codes named in a text. */
export function findStatusCodes(text: string): number[] {
  const out: number[] = [];
  const re = /(?<![\d.,:/])\b([1-5]\d\d)\b(?![\d.,]*\s*(?:ms|%|k\b|m\b|tb|gb|mb|bytes|\/s|per|req|writes|reads))/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const code = Number(m[1]);
    if (KNOWN_STATUS.has(code)) out.push(code);
  }
  return out;
}

/** A body or response shape: `{...}`, or words that describe one. */
export function hasPayload(text: string): boolean {
  return /\{[^}]*\w[^}]*\}/.test(text) || /\b(body|payload|json|returns?|response|request has|fields?|header)\b/i.test(text);
}

export interface Table {
  name: string;
  columns: string[];
  text: string;
}

const TABLE = /\b([A-Za-z_][\w-]*)\s*\(((?:[^()]|\([^()]*\))*)\)/g;
const NOT_TABLES = new Set(['e.g', 'i.e', 'e', 'i', 'hash', 'sha256', 'md5', 'base62', 'base64', 'max', 'min', 'count', 'sum', 'now', 'if', 'and', 'or']);

/** `name(col, col, ...)` with at least two columns. */
export function findTables(text: string): Table[] {
  const out: Table[] = [];
  TABLE.lastIndex = 0;
  for (let m = TABLE.exec(text); m; m = TABLE.exec(text)) {
    const name = (m[1] as string).toLowerCase();
    if (NOT_TABLES.has(name) || /^[A-Z][a-z]+[A-Z]/.test(m[1] as string)) continue;
    const columns = (m[2] as string)
      .split(',')
      .map((c) => c.trim())
      .filter((c) => /^[A-Za-z_`]/.test(c));
    if (columns.length >= 2) out.push({ name, columns, text: m[0] });
  }
  return out;
}

/** Words that describe a key-value or document structure in prose. */
export const STRUCTURE_TERMS = compileTerms([
  'table', 'collection', 'document', 'sorted set', 'hash map', 'hash per', 'key value', 'keyed by', 'row', 'column',
  'partition key', 'primary key', 'field', 'attribute', 'record', 'schema', 'counter per', 'set per', 'list per', 'bucket per',
  'entry per', 'item per', 'key', 'counter', 'hash', 'list', 'set', 'map', 'value', 'item', 'entity', 'object', 'blob', 'index',
]);

export const KEY_TERMS = compileTerms([
  'pk', 'primary key', 'partition key', 'sort key', 'range key', 'hash key', 'clustering key', 'clustered by', 'unique', 'foreign key',
  'fk', 'keyed by', 'keyed on', 'composite key', 'row key', 'key is', 'key per', 'shard key', 'primary', 'id pk'
]);

export const INDEX_TERMS = compileTerms([
  'index', 'secondary index', 'gsi', 'lsi', 'inverted index', 'sorted by', 'clustered by', 'clustering column', 'clustering key', 'order by',
  'covering',
]);

export const STORE_TERMS = compileTerms([
  'postgres', 'postgresql', 'mysql', 'mariadb', 'sql server', 'oracle', 'sqlite', 'dynamodb', 'dynamo', 'cassandra', 'scylla', 'scylladb',
  'mongodb', 'mongo', 'redis', 'memcached', 'hbase', 'bigtable', 'spanner', 'cockroachdb', 'couchbase', 'elasticsearch', 'opensearch',
  's3', 'gcs', 'blob storage', 'object storage', 'object store', 'key value store', 'kv store', 'wide column', 'document store',
  'relational', 'rdbms', 'sql database', 'sql', 'nosql', 'time series', 'clickhouse', 'druid', 'bigquery', 'redshift', 'snowflake',
  'neo4j', 'etcd', 'rocksdb', 'hdfs', 'aurora', 'vitess', 'tidb', 'riak', 'firestore',
]);

/** Keys written as assignments: "key = rl:{user}", "PK: user_id". */
export function hasKeyAssignment(text: string): boolean {
  return /\b(?:key|pk)\s*[=:]/i.test(text) || /\bkey\s*[`'"]?[\w-]*[:{]/i.test(text);
}

export function mentionsStore(keyedText: string): string | undefined {
  return matchesAny(keyedText, STORE_TERMS);
}
