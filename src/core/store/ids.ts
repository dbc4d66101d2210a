import type { Random } from '../random.js';

/** Crockford base32, lowercase: its characters are in ascending ASCII order, so ids sort as numbers. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const TIME_CHARS = 10; // 50 bits of milliseconds: good until the year 37,000
const COUNTER_CHARS = 4;
const RANDOM_CHARS = 4;
const COUNTER_MAX = 32 ** COUNTER_CHARS;

export const ID_LENGTH = TIME_CHARS + COUNTER_CHARS + RANDOM_CHARS;

/** Writes `value` in base32 into `out` at `at`, `width` characters, most significant first. */
function encode(out: Buffer, at: number, value: number, width: number): void {
  for (let i = width - 1; i >= 0; i--) {
    out[at + i] = ALPHABET.charCodeAt(value % 32);
    value = Math.floor(value / 32);
  }
}

/**
 * Capture ids: 10 characters of milliseconds, a 4-character per-process counter, 4 random characters.
 * Lexical order is arrival order within a process, even if the clock steps back; the random tail
 * keeps two processes writing to one store from colliding.
 */
export function idGenerator(now: () => number, random: Random): () => string {
  let lastMs = 0;
  let counter = 0;
  const out = Buffer.alloc(ID_LENGTH);
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      counter++;
      if (counter >= COUNTER_MAX) {
        ms = ++lastMs;
        counter = 0;
      }
    } else {
      lastMs = ms;
      counter = 0;
    }
    encode(out, 0, ms, TIME_CHARS);
    encode(out, TIME_CHARS, counter, COUNTER_CHARS);
    for (let i = TIME_CHARS + COUNTER_CHARS; i < ID_LENGTH; i++) out[i] = ALPHABET.charCodeAt(Math.floor(random.next() * 32));
    // One flat string (concatenation would leave a rope of pieces in memory for every id kept).
    return out.toString('latin1');
  };
}

/** The arrival time an id encodes (ms). */
export function idTime(id: string): number {
  let ms = 0;
  for (let i = 0; i < TIME_CHARS; i++) ms = ms * 32 + ALPHABET.indexOf(id[i] ?? '0');
  return ms;
}
