import { isNodeKind, type NodeKind } from '../board/kinds';

/** The node shapes of a Mermaid flowchart that the parser understands. `none` is a bare id. */
export type MermaidShape =
  | 'none'
  | 'rect'
  | 'round'
  | 'stadium'
  | 'subroutine'
  | 'cylinder'
  | 'circle'
  | 'double-circle'
  | 'asymmetric'
  | 'rhombus'
  | 'hexagon'
  | 'parallelogram'
  | 'parallelogram-alt'
  | 'trapezoid'
  | 'trapezoid-alt';

/**
 * Label keywords → kind, tried top to bottom; the first row with a matching phrase wins.
 * The order is the point: specific roles come before generic words, so "Rate limiter service"
 * is a rate limiter, "Payment gateway" an external provider (not an API gateway), "CDN edge
 * cache" a CDN, "Kafka consumer" a worker, "User service" a service (not a client).
 * Phrases are matched on whole words after splitting camelCase and punctuation, so "LB"
 * never matches inside "album". A trailing plural "s" is ignored on both sides.
 */
export const KIND_KEYWORDS: ReadonlyArray<readonly [NodeKind, readonly string[]]> = [
  ['rate-limiter', ['rate limiter', 'rate limiting', 'rate limit', 'ratelimiter', 'throttler', 'throttling', 'token bucket']],
  [
    'external',
    [
      'stripe', 'twilio', 'apns', 'fcm', 'sendgrid', 'mailgun', 'ses', 'paypal', 'braintree', 'adyen',
      'email provider', 'sms provider', 'push provider', 'payment provider', 'payment gateway', 'payment processor',
      'third party', 'external', 'oauth provider', 'identity provider', 'google maps', 'firebase',
    ],
  ],
  ['api-gateway', ['api gateway', 'gateway', 'apigee', 'kong']],
  [
    'load-balancer',
    ['load balancer', 'loadbalancer', 'lb', 'lbs', 'nginx', 'haproxy', 'elb', 'alb', 'nlb', 'envoy', 'traefik', 'reverse proxy', 'proxy'],
  ],
  ['cdn', ['cdn', 'cloudfront', 'fastly', 'akamai', 'cloudflare', 'edge cache']],
  ['dns', ['dns', 'route 53', 'route53']],
  ['scheduler', ['cron', 'cronjob', 'crontab', 'scheduler', 'scheduled job', 'airflow']],
  ['worker', ['worker', 'consumer', 'background job', 'job runner', 'celery', 'sidekiq', 'lambda']],
  ['search', ['elasticsearch', 'elastic search', 'opensearch', 'solr', 'algolia', 'lucene', 'search', 'search index']],
  ['stream', ['kafka', 'kinesis', 'pulsar', 'redpanda', 'event stream', 'stream', 'event hub', 'event log']],
  ['queue', ['queue', 'sqs', 'rabbitmq', 'rabbit', 'activemq', 'nats', 'pubsub', 'pub sub', 'sns', 'message broker', 'broker', 'mq']],
  [
    'object-storage',
    ['s3', 'object storage', 'object store', 'blob', 'blob storage', 'bucket', 'gcs', 'cloud storage', 'minio', 'file storage', 'data lake'],
  ],
  ['cache', ['cache', 'redis', 'memcached', 'memcache', 'elasticache', 'varnish']],
  [
    'database',
    [
      'database', 'db', 'dbs', 'postgres', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'cassandra', 'scylla', 'dynamodb',
      'dynamo', 'mongodb', 'mongo', 'sql', 'nosql', 'rds', 'aurora', 'cockroachdb', 'spanner', 'bigtable', 'hbase',
      'datastore', 'data store', 'key value store', 'kv store', 'influxdb', 'clickhouse', 'bigquery', 'redshift',
      'snowflake', 'warehouse', 'neo4j', 'replica', 'shard',
    ],
  ],
  ['service', ['service', 'microservice', 'server', 'backend', 'api', 'app server', 'web server']],
  [
    'client',
    ['client', 'browser', 'mobile', 'mobile app', 'web app', 'user', 'ios', 'android', 'frontend', 'desktop', 'spa', 'customer'],
  ],
];

/** Shapes that suggest a kind when neither a `:::kind` class nor a label keyword decides it. */
export const SHAPE_HINTS: Readonly<Partial<Record<MermaidShape, NodeKind>>> = {
  cylinder: 'database',
  stadium: 'client',
  asymmetric: 'note',
};

/** What a box on a system-design diagram most often is when nothing else says. */
export const DEFAULT_KIND: NodeKind = 'service';

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Splits a label into lowercase words: camelCase, digits and punctuation all separate words. */
export function labelWords(label: string, splitCamel = true): string[] {
  const text = label.normalize('NFKC');
  return (splitCamel ? text.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2') : text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(stem);
}

const KEYWORD_WORDS: ReadonlyArray<readonly [NodeKind, string[][]]> = KIND_KEYWORDS.map(
  ([kind, phrases]) => [kind, phrases.map((p) => labelWords(p))] as const,
);

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((p, j) => words[i + j] === p)) return true;
  }
  return false;
}

/** The kind a label's words suggest, or null when no keyword matches. */
export function kindFromLabel(label: string): NodeKind | null {
  // Both readings: "redisCache" is two words, "SendGrid" and "RabbitMQ" are one name.
  const split = labelWords(label);
  const whole = labelWords(label, false);
  for (const [kind, phrases] of KEYWORD_WORDS) {
    if (phrases.some((phrase) => containsPhrase(split, phrase) || containsPhrase(whole, phrase))) return kind;
  }
  return null;
}

/**
 * A Mermaid class name read as a kind: exact kind ids, case-insensitive, with `_` accepted for
 * `-` (some editors reject hyphens in class names). Returns null for style-only classes.
 */
export function kindFromClass(className: string): NodeKind | null {
  const candidate = className.trim().toLowerCase().replace(/_/g, '-');
  return isNodeKind(candidate) ? candidate : null;
}

/**
 * A node's kind: an explicit `:::kind` class wins, then label keywords, then the shape,
 * then {@link DEFAULT_KIND}. Label before shape because the contract's own example draws
 * "Redis cache" as a cylinder and means a cache.
 */
export function inferKind(label: string, shape: MermaidShape, classes: readonly string[] = []): NodeKind {
  for (const cls of classes) {
    const explicit = kindFromClass(cls);
    if (explicit) return explicit;
  }
  return kindFromLabel(label) ?? SHAPE_HINTS[shape] ?? DEFAULT_KIND;
}
