/**
 * A request body gathered into one Buffer. With a Content-Length, the first chunk allocates the
 * whole body and every chunk is copied in place: no list of chunks plus a concatenated copy,
 * which would hold the body twice at the end. Allocation waits for a first byte (headers alone
 * cost nothing), and untouched pages of an unsafe allocation are not resident.
 */
export class BodyBuffer {
  private chunks: Buffer[] = [];
  private whole: Buffer | undefined;
  size = 0;

  constructor(private readonly expected: number | undefined) {}

  push(chunk: Buffer): void {
    if (this.size === 0 && this.expected !== undefined && chunk.length <= this.expected) this.whole = Buffer.allocUnsafe(this.expected);
    if (this.whole && this.size + chunk.length <= this.whole.length) chunk.copy(this.whole, this.size);
    else {
      // More than announced (the parser forbids it) or no length: keep the chunks.
      if (this.whole) this.chunks.push(this.whole.subarray(0, this.size));
      this.whole = undefined;
      this.chunks.push(chunk);
    }
    this.size += chunk.length;
  }

  /** Forgets what arrived (a body over the limit). */
  drop(): void {
    this.chunks = [];
    this.whole = undefined;
  }

  take(): Buffer {
    if (this.whole) return this.size === this.whole.length ? this.whole : this.whole.subarray(0, this.size);
    return this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.size);
  }
}
