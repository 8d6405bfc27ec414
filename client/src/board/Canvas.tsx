import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type NodeMouseHandler,
  type EdgeMouseHandler,
} from '@xyflow/react';
import { useCallback, useEffect, type CSSProperties, type DragEvent, type PointerEvent } from 'react';
import { isNodeKind } from '../../../core/src';
import { addNode, connectNodes, onEdgesChange, onNodesChange } from '../store/board-actions';
import { startEditing, useBoardStore } from '../store/board';
import type { DesignEdge, DesignNode } from '../store/board-flow';
import { bindHistory } from '../store/board-history';
import { applyTheme, GRID, useBoardUi } from '../store/board-ui';
import { setFollowing, usePresenceStore } from '../store/presence';
import { CommentPins } from '../comments/CommentPins';
import { CurveballCard } from '../practice/CurveballCard';
import { Comments } from '../comments/Comments';
import { AlignmentGuides } from './AlignmentGuides';
import { AlignToolbar } from './AlignToolbar';
import { BoardToolbar } from './BoardToolbar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useBoard } from './BoardContext';
import { ConnectionLine } from './edges/ConnectionLine';
import { onReconnect, onReconnectEnd } from './edges/reconnect';
import { edgeTypes, nodeTypes } from './nodes/node-types';
import { PALETTE_MIME } from './Palette';
import { Cursors } from './presence/Cursors';
import { FollowBar } from './presence/FollowBar';
import { RemoteDrags } from './presence/RemoteDrags';
import { RemoteSelections } from './presence/RemoteSelections';
import { ViewSharing } from './presence/ViewSharing';
import { useBoardKeys } from './useBoardKeys';
import { TrafficToggle } from '../traffic/TrafficToggle';

const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 } as const;
const PRO_OPTIONS = { hideAttribution: true } as const;
const MINIMAP_STYLE = { width: 150, height: 100 } as const;
const SNAP_GRID: [number, number] = [GRID, GRID];
/** Left drag on the empty canvas box-selects; the middle and right buttons (or Space + drag) pan. */
const PAN_BUTTONS = [1, 2];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** As in Excalidraw, tldraw and Miro: the wheel pans, and Ctrl/⌘ + wheel (which is also what a trackpad pinch sends) zooms. */
const ZOOM_KEYS = ['Control', 'Meta'];

const onConnect = (c: Connection) => connectNodes(c.source, c.target);
const onNodeDoubleClick: NodeMouseHandler<DesignNode> = (_event, node) => startEditing({ type: 'node', id: node.id });
const onEdgeDoubleClick: EdgeMouseHandler<DesignEdge> = (_event, edge) => startEditing({ type: 'edge', id: edge.id });
/** A pan or zoom by the user's own hand (not by code: that has no event) ends following. */
const onMoveStart = (event: MouseEvent | TouchEvent | null) => {
  if (event) setFollowing(null);
};
/** The minimap and the zoom buttons move the view by code (no event reaches onMoveStart), so a press on them ends following here. */
const onPointerDownCapture = (event: PointerEvent) => {
  if (event.target instanceof Element && event.target.closest('.react-flow__controls, .react-flow__minimap')) setFollowing(null);
};
const miniMapColor = (node: DesignNode) => (node.type === 'area' ? 'rgba(99, 102, 241, 0.15)' : '#94a3b8');

/** The diagram: React Flow over the board store, with drop-to-add, live cursors and keys. */
export function Canvas() {
  const flowNodes = useBoardStore((s) => s.flowNodes);
  const flowEdges = useBoardStore((s) => s.flowEdges);
  const writable = useBoardStore((s) => s.writable);
  const { screenToFlowPosition } = useReactFlow();
  const { presence, doc } = useBoard();
  const snap = useBoardUi((s) => s.snap);
  const theme = useBoardUi((s) => s.theme);
  const followColor = usePresenceStore((s) => (s.following === null ? null : (s.people.find((p) => p.clientId === s.following)?.color ?? null)));
  useBoardKeys();
  useEffect(() => bindHistory(doc), [doc]);
  useEffect(() => applyTheme(theme), [theme]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      addNode(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [screenToFlowPosition],
  );

  const onPointerMove = useCallback(
    (event: PointerEvent) => presence.moveCursor(screenToFlowPosition({ x: event.clientX, y: event.clientY })),
    [presence, screenToFlowPosition],
  );
  const onPointerLeave = useCallback(() => presence.moveCursor(null), [presence]);

  return (
    <div
      className={followColor ? 'canvas following' : 'canvas'}
      style={followColor ? ({ '--follow-color': followColor } as CSSProperties) : undefined}
      onPointerDownCapture={onPointerDownCapture}
      onDragOver={onDragOver} onDrop={onDrop} onPointerMove={onPointerMove} onPointerLeave={onPointerLeave}>
      <ReactFlow<DesignNode, DesignEdge>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onMoveStart={onMoveStart}
        onNodeDoubleClick={writable ? onNodeDoubleClick : undefined}
        onEdgeDoubleClick={writable ? onEdgeDoubleClick : undefined}
        connectionMode={ConnectionMode.Loose}
        connectionLineComponent={ConnectionLine}
        nodesDraggable={writable}
        nodesConnectable={writable}
        onReconnect={writable ? onReconnect : undefined}
        onReconnectEnd={onReconnectEnd}
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        elevateNodesOnSelect={false}
        selectionOnDrag
        panOnDrag={PAN_BUTTONS}
        panOnScroll
        zoomActivationKeyCode={ZOOM_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid={snap}
        snapGrid={SNAP_GRID}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.2}
        maxZoom={2}
        proOptions={PRO_OPTIONS}
        aria-label="Design diagram"
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color="var(--grid-dot)" />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap pannable zoomable position="bottom-right" nodeColor={miniMapColor} ariaLabel="Overview of the diagram" style={MINIMAP_STYLE} />
        <AlignmentGuides />
        <RemoteSelections />
        <CommentPins />
        <RemoteDrags />
        <Cursors />
        <ViewSharing />
      </ReactFlow>
      <BoardToolbar />
      <AlignToolbar />
      <FollowBar />
      <CurveballCard />
      <TrafficToggle />
      <Comments />
      <ShortcutsDialog />
      {flowNodes.length === 0 && (
        <div className="canvas-empty" data-testid="empty-hint">
          {writable ? 'Add a component from the palette or press ? for shortcuts' : 'The diagram is empty so far.'}
        </div>
      )}
    </div>
  );
}
