import { stripVTControlCharacters } from 'node:util';
import { Chalk, type ChalkInstance } from 'chalk';
import type { GlobalOptions } from './globals.js';
import type { Io } from './io.js';

export interface Output {
  json: boolean;
  c: ChalkInstance;
  /** A result line (stdout). */
  line(text: string): void;
  /** A result object: one JSON line in --json mode. */
  object(value: unknown): void;
  /** A log line (stderr): never mixed into results. */
  log(text: string): void;
  warn(text: string): void;
}

/** Colour follows --no-color, NO_COLOR and FORCE_COLOR; --json turns it off. */
function colorLevel(io: Io, globals: GlobalOptions, stream: { isTTY?: boolean } = io.stderr): 0 | 1 | 2 | 3 {
  if (globals.json || globals.color === false) return 0;
  if ('NO_COLOR' in io.env && io.env.NO_COLOR !== '') return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force === '0' || force === 'false' ? 0 : (Math.min(3, Number(force) || 1) as 1 | 2 | 3);
  return stream.isTTY ? 2 : 0;
}

export function createOutput(io: Io, globals: GlobalOptions): Output {
  const c = new Chalk({ level: colorLevel(io, globals, io.stdout as { isTTY?: boolean }) });
  const warnC = new Chalk({ level: colorLevel(io, globals) });
  return {
    json: Boolean(globals.json),
    c,
    line: (text) => io.stdout.write(`${text}\n`),
    object: (value) => io.stdout.write(`${JSON.stringify(value)}\n`),
    log: (text) => io.stderr.write(`${text}\n`),
    warn: (text) => io.stderr.write(`${warnC.yellow('!')} ${text}\n`),
  };
}

/** Left-aligned columns for readable tables. */
export function table(rows: string[][], gap = 2): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visible(cell).length);
    });
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell).length + gap)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

const visible = (s: string) => stripVTControlCharacters(s);

/** One colour scheme for HTTP statuses in every command: 2xx green, 3xx and 4xx yellow, 5xx or none red. */
export function statusColour(status: number | undefined, c: ChalkInstance): (text: string) => string {
  if (status === undefined || Number.isNaN(status) || status >= 500) return c.red;
  return status >= 200 && status < 300 ? c.green : c.yellow;
}
