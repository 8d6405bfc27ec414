import { memo, type ReactNode } from 'react';
import type { NodeKind } from '../../../core/src';

/*
 * One small stroke icon per component kind. Inline SVG rather than emoji: emoji depend on the
 * fonts installed, and render as empty boxes on many Linux machines.
 */
const PATHS: Record<NodeKind, ReactNode> = {
  client: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M9 20h6M12 16v4" />
    </>
  ),
  dns: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" />
    </>
  ),
  cdn: <path d="M7 18h10a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.2 9.5 4.25 4.25 0 0 0 7 18Z" />,
  'load-balancer': (
    <>
      <circle cx="5" cy="12" r="2" />
      <path d="M7 12h4M11 12l8-6M11 12h8M11 12l8 6" />
    </>
  ),
  'api-gateway': (
    <>
      <path d="M4 20V9l8-5 8 5v11" />
      <path d="M9 20v-6h6v6" />
    </>
  ),
  service: <path d="M12 3l7.8 4.5v9L12 21l-7.8-4.5v-9Z" />,
  worker: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
    </>
  ),
  scheduler: (
    <>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l3 2M9 2h6" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
      <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
  cache: <path d="M13 2 4 14h7l-1 8 9-12h-7Z" />,
  queue: (
    <>
      <rect x="2.5" y="8" width="5" height="8" rx="1" />
      <rect x="9.5" y="8" width="5" height="8" rx="1" />
      <rect x="16.5" y="8" width="5" height="8" rx="1" />
    </>
  ),
  stream: <path d="M3 8c3-3 6 3 9 0s6 3 9 0M3 13c3-3 6 3 9 0s6 3 9 0M3 18c3-3 6 3 9 0s6 3 9 0" />,
  'object-storage': (
    <>
      <path d="M4 6h16l-1.8 13.2a2 2 0 0 1-2 1.8H7.8a2 2 0 0 1-2-1.8Z" />
      <path d="M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3" />
    </>
  ),
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="m15.5 15.5 5.5 5.5" />
    </>
  ),
  'rate-limiter': (
    <>
      <path d="M4 17a8 8 0 1 1 16 0" />
      <path d="m12 17 4-6M4 17h16" />
    </>
  ),
  external: (
    <>
      <path d="M14 4h6v6M20 4l-9 9" />
      <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
    </>
  ),
  note: (
    <>
      <path d="M4 4h16v11l-5 5H4Z" />
      <path d="M15 20v-5h5M8 9h8M8 13h5" />
    </>
  ),
  group: <rect x="3" y="4" width="18" height="16" rx="2" strokeDasharray="3 2.5" />,
  other: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12h.01M12 12h.01M16 12h.01" strokeWidth="3" />
    </>
  ),
};

/** The icon of a component kind; decorative (the label next to it says the kind). */
export const KindIcon = memo(function KindIcon({ kind, size = 18 }: { kind: NodeKind; size?: number }) {
  return (
    <svg
      className="kind-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[kind]}
    </svg>
  );
});
