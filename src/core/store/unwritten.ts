/** The buffers still to write after `written` bytes of them went out (a short writev). */
export function unwrittenBuffers(buffers: Buffer[], written: number): Buffer[] {
  let skip = written;
  let i = 0;
  while (skip >= (buffers[i] as Buffer).length) skip -= (buffers[i++] as Buffer).length;
  return [(buffers[i] as Buffer).subarray(skip), ...buffers.slice(i + 1)];
}
