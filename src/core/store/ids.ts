import type { Random } from '../random.js';

/** Crockford base32, lowercase: its characters are in ascending ASCII order, so ids sort as numbers. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const TIME_CHARS = 10; // 50 bits of milliseconds: good until the year 37,000
const COUNTER_CHARS = 4;
const RANDOM_CHARS = 4;
const COUNTER_MAX = 32 ** COUNTER_CHARS;

export const ID_LENGTH = TIME_CHARS + COUNTER_CHARS + RANDOM_CHARS;
export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{18}$/;

function encode(value: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = ALPHABET[value % 32] + s;
    value = Math.floor(value / 32);
  }
  return s;
}

/**
 * Capture ids: 10 characters of milliseconds, a 4-character per-process counter, 4 random characters.
 * Lexical order is arrival order within a process, even if the clock steps back; the random tail
 * keeps two processes writing to one store from colliding.
 */
export function idGenerator(now: () => number, random: Random): () => string {
  let lastMs = 0;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      counter++;
      if (counter >= COUNTER_MAX) { ms = ++lastMs; counter = 0; }
    } else {
      lastMs = ms;
      counter = 0;
    }
    let tail = '';
    for (let i = 0; i < RANDOM_CHARS; i++) tail += ALPHABET[Math.floor(random.next() * 32)];
    return encode(ms, TIME_CHARS) + encode(counter, COUNTER_CHARS) + tail;
  };
}

/** The arrival time an id encodes (ms). */
export function idTime(id: string): number {
  let ms = 0;
  for (let i = 0; i < TIME_CHARS; i++) ms = ms * 32 + ALPHABET.indexOf(id[i] ?? '0');
  return ms;
}
