import type { ServerResponse } from 'node:http';

/** Bytes of events a page may leave unread before it is dropped. */
const MAX_BACKLOG = 8 * 1024 * 1024;

/** Server-sent events to every open page: new captures as they are read, `reset` after a clear. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private closed = false;

  open(res: ServerResponse): void {
    // A page reconnecting while the server stops gets no new stream to hold the shutdown up.
    if (this.closed) {
      res.writeHead(503, { connection: 'close' });
      return void res.end();
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    // The comment line makes the browser's EventSource report "open" at once.
    res.write(': hookctl\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  send(event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of this.clients) {
      // A page that stopped reading (a frozen tab) is dropped rather than buffered without end;
      // EventSource reconnects and reloads the list when it can.
      if (res.writableLength > MAX_BACKLOG) res.destroy();
      else res.write(frame);
    }
  }

  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream (the server is stopping). */
  close(): void {
    this.closed = true;
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
