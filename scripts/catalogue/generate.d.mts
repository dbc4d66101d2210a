// Types for the reproducibility test.
export function generate(out?: string): Promise<{ meta: { provider: string }; events: unknown[] }[]>;
