export type { DiagnoseInput, Finding, DiagnosisCode, HeaderInput } from './types.js';
export * from './diagnose.js';
