// Types for the reproducibility test.
export const PARTS: Record<string, (root: string) => Promise<unknown>>;
export function generate(out?: string, only?: string[]): Promise<{ meta: { provider: string }; events: unknown[] }[]>;
