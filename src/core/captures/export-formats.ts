/** `captures export --format` values, apart from export.ts so the CLI spec lists them without loading the store. */
export const EXPORT_FORMATS = ['ndjson', 'har', 'curl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
