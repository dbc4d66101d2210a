// Types for the tests that validate GitHub payloads the way the generator does.
import type { ValidateFunction } from 'ajv';
export const GITHUB_DESCRIPTION: string;
export function githubValidator(doc: unknown): (ref: string) => ValidateFunction;
export function repairNullable<T>(node: T, repaired?: unknown[]): T;
