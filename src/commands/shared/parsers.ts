/**
 * Option value parsers shared by the command specs.
 *
 * Every numeric option goes through one of these, so they all read the same way: plain decimal
 * digits only (no `0x10`, `1e3`, `-1`, `''`), a real upper bound, and on bad input a UsageError
 * (exit 2) with one line and a hint:
 *
 *   ✗ --count "0x10" is not a whole number from 1 to 1000000
 *     hint: e.g. --count 100
 *
 * They throw UsageError rather than commander's InvalidArgumentError on purpose: commander rewrites
 * the latter into "option '…' argument '…' is invalid. …" and the hint is lost; a UsageError passes
 * through commander untouched and the CLI boundary prints it as is.
 *
 * Commander never passes an option's default through its parser: give defaults as numbers.
 */
import { UsageError } from '../../core/errors.js';

/** A repeatable option: `--secret a --secret b` gives `['a', 'b']`. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A repeatable comma-separated option: `--only a,b --only c` gives `['a', 'b', 'c']`. */
export const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** The longest delay a Node timer takes (2^31 − 1 ms, 24.8 days); a longer one fires after 1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

export interface Bounds {
  min: number;
  max: number;
  /** A sensible value for the hint: `e.g. --count 100`. */
  example: number | string;
}

/** Shared by every command that has the option: a burst, or a CI count, of at most a million. */
export const COUNT = { min: 1, max: 1_000_000 } as const;
/** Requests in flight at once (send, replay): each is a socket. */
export const CONCURRENCY = { min: 1, max: 1000 } as const;

type Parser<T> = (value: string) => T;

const DIGITS = /^\d+$/;
const bad = (flag: string, value: string, what: string, example: number | string): UsageError => new UsageError(`${flag} "${value}" is not ${what}`, `e.g. ${flag} ${example}`);

/** The one check behind every whole-number option; `what` names the range in the message. */
function digits(flag: string, b: Bounds, what: string): Parser<number> {
  return (value) => {
    const n = Number(value);
    if (!DIGITS.test(value) || n < b.min || n > b.max) throw bad(flag, value, what, b.example);
    return n;
  };
}

/** `--count 100`: plain decimal digits, from min to max. */
export function wholeNumber(flag: string, b: Bounds): Parser<number> {
  return digits(flag, b, `a whole number from ${b.min} to ${b.max}`);
}

/** A duration for a timer: whole milliseconds, at most 2147483647 (what a Node timer can wait). */
export function milliseconds(flag: string, b: { min: number; max?: number; example: number }): Parser<number> {
  const max = Math.min(b.max ?? MAX_TIMER_MS, MAX_TIMER_MS);
  // Nobody knows 2147483647 ms by heart: say what it is.
  const top = max === MAX_TIMER_MS ? `${max} (24.8 days)` : String(max);
  return digits(flag, { ...b, max }, `a whole number of milliseconds from ${b.min} to ${top}`);
}

/** A number of seconds (a tolerance): whole seconds from min to max. */
export function seconds(flag: string, b: Bounds): Parser<number> {
  return digits(flag, b, `a whole number of seconds from ${b.min} to ${b.max}`);
}

/** A timestamp tolerance (listen, verify): up to 999999999 s (31 years), as old a capture as anyone keeps. */
export const TOLERANCE: Bounds = { min: 0, max: 999_999_999, example: '600 (0 turns the check off)' };

/** The largest Unix time in seconds accepted (year 5138); a larger one is a time in milliseconds. */
const MAX_UNIX_SECONDS = 99_999_999_999;

/** `--timestamp 1700000000`: Unix seconds; a time in milliseconds gets a hint with the seconds. */
export function unixSeconds(flag: string): Parser<number> {
  const parse = digits(flag, { min: 0, max: MAX_UNIX_SECONDS, example: 1700000000 }, `a Unix time in whole seconds from 0 to ${MAX_UNIX_SECONDS}`);
  return (value) => {
    const n = Number(value);
    if (DIGITS.test(value) && n > MAX_UNIX_SECONDS && n <= MAX_UNIX_SECONDS * 1000) {
      throw new UsageError(`${flag} ${value} looks like milliseconds`, `give Unix seconds: ${Math.floor(n / 1000)}`);
    }
    return parse(value);
  };
}

/** `--at 2026-11-30T10:00:00Z` or `--at 1764496800`: an instant, in ms. */
export function instant(flag: string): Parser<number> {
  const seconds = unixSeconds(flag);
  return (value) => {
    if (DIGITS.test(value)) return seconds(value) * 1000;
    const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(ms)) throw new UsageError(`${flag} "${value}" is not a time`, `give an ISO date like 2026-11-30T10:00:00Z, or Unix seconds like 1764496800`);
    return ms;
  };
}

/** `--time-scale 0.001`: a plain decimal (digits, an optional fraction), from min to max. */
export function decimal(flag: string, b: Bounds): Parser<number> {
  return (value) => {
    const n = Number(value);
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value) || n < b.min || n > b.max) throw bad(flag, value, `a number from ${b.min} to ${b.max}`, b.example);
    return n;
  };
}

/** HTTP statuses a server may answer with. 1xx are not final answers: a client would wait for one forever. */
const STATUS = { min: 200, max: 599 };

/** `--status 503`. */
export function statusCode(flag: string, example = 503): Parser<number> {
  return digits(flag, { ...STATUS, example }, `a status code from ${STATUS.min} to ${STATUS.max}`);
}

/** `--respond 500,500,200`: status codes, comma-separated; an empty entry is a mistake, not a skip. */
export function statusList(flag: string, example = '500,500,200'): Parser<number[]> {
  return (value) => {
    const codes = value.split(',').map((s) => s.trim());
    if (!codes.every((c) => DIGITS.test(c) && Number(c) >= STATUS.min && Number(c) <= STATUS.max)) {
      throw bad(flag, value, `a comma-separated list of status codes from ${STATUS.min} to ${STATUS.max}`, example);
    }
    return codes.map(Number);
  };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `--max-body 10mb`, `512KiB`, `1048576`: bytes, in binary units (10mb is 10 MiB), from 1 byte to 1gb. */
export function byteSize(flag: string, example = '10mb'): Parser<number> {
  const max = 1024 ** 3;
  return (value) => {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value);
    const unit = UNITS[(m?.[2] ?? '').toLowerCase()];
    const bytes = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
    if (!(bytes >= 1 && bytes <= max)) throw bad(flag, value, 'a size from 1 byte to 1gb, like 10mb, 512kb or 1048576', example);
    return bytes;
  };
}
