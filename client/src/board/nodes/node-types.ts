import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { DesignEdgeView } from '../edges/DesignEdgeView';
import { AreaNode } from './AreaNode';
import { ComponentNode } from './ComponentNode';

/** Defined once at module scope: a new object per render would remount every node. */
export const nodeTypes: NodeTypes = { component: ComponentNode, area: AreaNode };
export const edgeTypes: EdgeTypes = { design: DesignEdgeView };
