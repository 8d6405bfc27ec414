/**
 * The design doc: a board as Markdown with YAML front matter and one Mermaid flowchart
 * (docs/design-doc-format.md). Parse with {@link parseDesignDoc}, write with {@link formatDesignDoc}.
 */
export { parseDesignDoc, type ParseDesignDocOptions, type ParsedDesignDoc } from './parse';
export { formatDesignDoc, formatDiagram, KIND_SHAPES } from './format';
export { DesignDocError, type DesignDocErrorCode, type DesignDocWarning } from './errors';
export { DEFAULT_MAX_BYTES } from './input';
export { sectionForHeading, matchHeading, headingKey } from './headings';
export { inferKind, kindFromLabel, kindFromClass, KIND_KEYWORDS, SHAPE_HINTS, DEFAULT_KIND, type MermaidShape } from './kinds';
export { parseMermaid, isFlowchart, type MermaidGraph, type MermaidNode, type MermaidEdge, type FlowDirection, type SourceLine } from './mermaid';
export { layoutBoard, LAYOUT, type LayoutNode, type Placement } from './layout';
export { REVIEW_MARKER } from './trailer';
