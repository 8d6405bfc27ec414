import { designExportSchema, EXPORT_SCHEMA_VERSION, type DesignExport, type ExportData } from './schema';

/** The session as JSON per {@link designExportSchema}; validated before it is written, so a bug never ships a malformed export. */
export function exportJson(data: ExportData): string {
  const checked: DesignExport = designExportSchema.parse({ schemaVersion: EXPORT_SCHEMA_VERSION, ...data });
  return `${JSON.stringify(checked, null, 2)}\n`;
}
