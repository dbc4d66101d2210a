import type { Scheme } from '../signing/index.js';
import { type Edit, fieldEdit } from './edits.js';
import type { ModePlan } from './modes.js';

/** A scheme that dates its deliveries in a body field (Linear, Mailgun): how a body's timestamp is read and moved. */
export interface BodyTimestamp {
  field: string | undefined;
  /** Whether deliveries must rewrite the field: a stale or future mode, or an explicit --timestamp. */
  moveTimestamp: boolean;
  /** The Unix seconds the body carries. */
  readTs: (payload: unknown) => number | undefined;
  /** The edit that dates a payload at `now` (ms), plus the mode's offset. */
  tsEdit: (now: number, payload: unknown) => Edit[];
}

export function bodyTimestamp(scheme: Scheme, plan: ModePlan, timestamp: number | undefined): BodyTimestamp {
  const ts = scheme.timestamp;
  const field = ts?.source === 'body' ? ts.field : undefined;
  const scale = ts?.unit === 'ms' ? 1000 : 1;
  const moveTimestamp = field !== undefined && (plan.offsetSec !== 0 || timestamp !== undefined);
  const readTs = (payload: unknown): number | undefined => {
    if (!field) return undefined;
    const v = fieldAt(payload, field);
    return typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? Math.floor(Number(v) / scale) : undefined;
  };
  const tsEdit = (now: number, payload: unknown): Edit[] => {
    if (!moveTimestamp || !field) return [];
    const value = Math.floor((timestamp ?? now / 1000) + plan.offsetSec) * scale;
    // Written as the provider writes it: Mailgun's timestamp is a string of digits, Linear's a number.
    return [fieldEdit(field, typeof fieldAt(payload, field) === 'string' ? String(value) : value)];
  };
  return { field, moveTimestamp, readTs, tsEdit };
}

function fieldAt(payload: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), payload);
}
