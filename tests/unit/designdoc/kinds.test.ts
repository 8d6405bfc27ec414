import { describe, it, expect } from 'vitest';
import { inferKind, kindFromClass, kindFromLabel } from '../../../core/src/designdoc';

describe('kind inference from label and shape', () => {
  it.each([
    ['Redis cache', 'cache'],
    ['Memcached', 'cache'],
    ['Kafka', 'stream'],
    ['Kinesis stream', 'stream'],
    ['SQS', 'queue'],
    ['RabbitMQ', 'queue'],
    ['Job queue', 'queue'],
    ['S3', 'object-storage'],
    ['Blob storage', 'object-storage'],
    ['Load balancer', 'load-balancer'],
    ['LB', 'load-balancer'],
    ['nginx', 'load-balancer'],
    ['API gateway', 'api-gateway'],
    ['CDN', 'cdn'],
    ['CDN edge cache', 'cdn'],
    ['DNS', 'dns'],
    ['Route 53', 'dns'],
    ['Notification worker', 'worker'],
    ['Kafka consumer', 'worker'],
    ['Cron', 'scheduler'],
    ['Job scheduler', 'scheduler'],
    ['Elasticsearch', 'search'],
    ['Rate limiter', 'rate-limiter'],
    ['Rate limiter service', 'rate-limiter'],
    ['Stripe', 'external'],
    ['Twilio SMS', 'external'],
    ['APNs/FCM', 'external'],
    ['SendGrid', 'external'],
    ['Email provider', 'external'],
    ['Payment gateway', 'external'],
    ['Browser', 'client'],
    ['Mobile app', 'client'],
    ['Client', 'client'],
    ['Users', 'client'],
    ['User service', 'service'],
    ['URL service', 'service'],
    ['Postgres', 'database'],
    ['Cassandra', 'database'],
    ['Orders DB', 'database'],
    ['NoSQL store', 'database'],
    ['redisCache', 'cache'],
    ['album art', null],
    ['Key generation', null],
  ])('%s -> %s', (label, kind) => {
    expect(kindFromLabel(label)).toBe(kind);
  });

  it('uses the shape when the label says nothing', () => {
    expect(inferKind('Orders', 'cylinder')).toBe('database');
    expect(inferKind('Alice', 'stadium')).toBe('client');
    expect(inferKind('Remember TTLs', 'asymmetric')).toBe('note');
    expect(inferKind('Key generation', 'rect')).toBe('service');
    expect(inferKind('Key generation', 'none')).toBe('service');
  });

  it('prefers the label over the shape (the contract draws "Redis cache" as a cylinder)', () => {
    expect(inferKind('Redis cache', 'cylinder')).toBe('cache');
  });

  it('lets an explicit :::kind class win over label and shape', () => {
    expect(inferKind('Redis cache', 'cylinder', ['queue'])).toBe('queue');
    expect(inferKind('Browser', 'stadium', ['fancy', 'service'])).toBe('service');
  });

  it('reads class names as kinds case-insensitively, with _ for -', () => {
    expect(kindFromClass('load_balancer')).toBe('load-balancer');
    expect(kindFromClass('Database')).toBe('database');
    expect(kindFromClass('highlight')).toBeNull();
  });
});
