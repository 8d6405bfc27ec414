import { NODE_KIND_LABELS, NODE_KINDS, isNodeKind } from '../../../core/src';
import { setNodeKind, setNodeProp } from '../store/board-actions';
import { selectedNodeIds, useBoardStore } from '../store/board';
import { TrafficProps } from '../traffic/TrafficProps';
import { KIND_PROPS } from './kind-props';

/** For exactly one selected component: its kind, and the properties that matter for that kind. */
export function NodeInspector() {
  const node = useBoardStore((s) => {
    const ids = selectedNodeIds(s);
    return ids.length === 1 && ids[0] !== undefined ? s.nodes.get(ids[0]) : undefined;
  });
  const writable = useBoardStore((s) => s.writable);
  if (!node || !writable || node.kind === 'group') return null;
  return (
    <div className="node-inspector" role="group" aria-label="Component properties">
      <label>
        <span>Kind</span>
        <select
          aria-label="Component kind"
          value={node.kind}
          onChange={(e) => {
            if (isNodeKind(e.target.value)) setNodeKind(node.id, e.target.value);
          }}
        >
          {NODE_KINDS.filter((k) => k !== 'group').map((k) => (
            <option key={k} value={k}>
              {NODE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {(KIND_PROPS[node.kind] ?? []).map((prop) => (
        <label key={prop.key}>
          <span>{prop.label}</span>
          <select aria-label={prop.label} value={node.props[prop.key] ?? ''} onChange={(e) => setNodeProp(node.id, prop.key, e.target.value)}>
            <option value="">—</option>
            {prop.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      ))}
      <TrafficProps node={node} />
    </div>
  );
}
