import { useEffect, useState } from 'react';
import type { BoardNode, NodeKind } from '../../../core/src';
import { parseRate, parseRatio, readNodeScale, type NodeScale, type TrafficProp } from '../../../core/src/traffic/scale';
import { setNodeProp } from '../store/board-actions';

interface Field {
  key: TrafficProp;
  label: string;
  placeholder: string;
  check: (value: string) => string | null;
}

const count = (value: string): string | null => (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 100_000 ? null : 'a whole number from 1 to 100,000');
const rate = (value: string): string | null => (parseRate(value) !== undefined ? null : 'a rate such as 5000 or 5k');
const ratio = (value: string): string | null => (parseRatio(value) !== undefined ? null : 'a share below 100 %, such as 90% or 0.9');

const INSTANCES: Field = { key: 'instances', label: 'Instances', placeholder: 'scales out', check: count };
const REPLICAS: Field = { key: 'replicas', label: 'Read replicas (copies)', placeholder: '1', check: count };
const SHARDS: Field = { key: 'shards', label: 'Shards / partitions', placeholder: '1', check: count };
const CAPACITY: Field = { key: 'capacity', label: 'Capacity per instance (ops/s)', placeholder: 'default', check: rate };
const HIT_RATIO: Field = { key: 'hitRatio', label: 'Hit ratio', placeholder: 'default', check: ratio };

const FIELDS: Partial<Record<NodeKind, readonly Field[]>> = {
  database: [REPLICAS, SHARDS, CAPACITY],
  search: [REPLICAS, SHARDS, CAPACITY],
  'object-storage': [SHARDS, CAPACITY],
  cache: [REPLICAS, SHARDS, CAPACITY, HIT_RATIO],
  cdn: [HIT_RATIO],
  queue: [SHARDS, CAPACITY],
  stream: [SHARDS, CAPACITY],
};
const STATELESS: readonly Field[] = [{ ...INSTANCES, placeholder: '1' }, CAPACITY];

function fieldsFor(kind: NodeKind): readonly Field[] {
  if (kind === 'client' || kind === 'note' || kind === 'group') return [];
  return FIELDS[kind] ?? (['service', 'worker', 'load-balancer', 'api-gateway', 'rate-limiter', 'other'].includes(kind) ? [INSTANCES, CAPACITY] : STATELESS);
}

/** The traffic model's properties of one component, folded in the inspector so it keeps its size. */
export function TrafficProps({ node }: { node: BoardNode }) {
  const fields = fieldsFor(node.kind);
  if (fields.length === 0) return null;
  // What the label and notes already say shows as the placeholder: the field overrides it.
  const written = readNodeScale({ ...node, props: {} }, []);
  return (
    <details className="traffic-props" aria-label="Capacity for the traffic model">
      <summary>Capacity (traffic model)</summary>
      {fields.map((field) => (
        <PropInput key={`${node.id}:${field.key}`} node={node} field={field} written={written} />
      ))}
    </details>
  );
}

/** Written when the field is left or Enter is pressed; a value that does not parse is refused and explained. */
function PropInput({ node, field, written }: { node: BoardNode; field: Field; written: NodeScale }) {
  const fromText = written[field.key];
  const placeholder = fromText === undefined ? field.placeholder : `${field.key === 'hitRatio' ? `${Math.round(fromText * 100)} %` : fromText} (from the label or notes)`;
  const stored = node.props[field.key] ?? '';
  const [value, setValue] = useState(stored);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setValue(stored), [stored]);
  const commit = () => {
    const next = value.trim();
    if (next === stored) return setProblem(null);
    const wrong = next === '' ? null : field.check(next);
    if (wrong) return setProblem(`${field.label}: ${wrong}`);
    setProblem(null);
    setNodeProp(node.id, field.key, next);
  };
  return (
    <label>
      <span>{field.label}</span>
      <input
        aria-label={field.label}
        value={value}
        placeholder={placeholder}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-invalid={problem !== null}
      />
      {problem && (
        <span className="traffic-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
