/**
 * Export: a session as Markdown (the design doc plus the reviews), one self-contained HTML file,
 * or JSON with a published schema; and the board as SVG. Pure functions of the session's data,
 * shared by the server, the CLI and the client.
 */
export { exportMarkdown } from './markdown';
export { exportHtml, EXPORT_CSP } from './html';
export { exportJson } from './json';
export { renderBoardSvg, type SvgOptions } from './svg';
export {
  designExportSchema,
  exportSessionSchema,
  exportedReviewSchema,
  phaseTimeSchema,
  EXPORT_SCHEMA_VERSION,
  type DesignExport,
  type ExportData,
  type ExportedReview,
} from './schema';
