import type { ReceivedDelivery, Rejection } from '../../core/server/index.js';

/** Counts by result, for the closing summary and the exit code. */
export class ListenStats {
  deliveries = 0;
  verified = 0;
  failed = 0;
  duplicates = 0;
  notStored = 0;
  forwardErrors = 0;
  readonly failures = new Map<string, number>();
  readonly rejections = new Map<string, number>();

  addDelivery(d: ReceivedDelivery): void {
    this.deliveries++;
    const v = d.capture.verification;
    if (v?.ok) this.verified++;
    else {
      this.failed++;
      bump(this.failures, v?.reason ?? 'unverified');
    }
    if (d.capture.duplicateOf) this.duplicates++;
    if (d.storeError) this.notStored++;
    if (d.forward?.error) this.forwardErrors++;
  }

  addRejection(r: Rejection): void {
    bump(this.rejections, r.status ? String(r.status) : 'client left');
  }

  get rejected(): number {
    let n = 0;
    for (const v of this.rejections.values()) n += v;
    return n;
  }

  toJSON(): Record<string, unknown> {
    return {
      type: 'summary',
      deliveries: this.deliveries,
      verified: this.verified,
      failed: this.failed,
      failures: Object.fromEntries(this.failures),
      duplicates: this.duplicates,
      notStored: this.notStored,
      forwardErrors: this.forwardErrors,
      rejected: this.rejected,
      rejections: Object.fromEntries(this.rejections),
    };
  }

  /** `12 deliveries: 10 verified, 2 failed (no-match 2); 1 duplicate; 3 rejected (413 ×1, 400 ×2)` */
  line(): string {
    const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    const list = (m: Map<string, number>, sep: string) => [...m].map(([k, n]) => `${k}${sep}${n}`).join(', ');
    const parts = [`${plural(this.deliveries, 'delivery', 'deliveries')}: ${this.verified} verified, ${this.failed} failed${this.failed ? ` (${list(this.failures, ' ')})` : ''}`];
    if (this.duplicates) parts.push(plural(this.duplicates, 'duplicate'));
    if (this.forwardErrors) parts.push(`${this.forwardErrors} not forwarded`);
    if (this.notStored) parts.push(`${this.notStored} not stored`);
    if (this.rejected) parts.push(`${this.rejected} rejected (${list(this.rejections, ' ×')})`);
    return parts.join('; ');
  }
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}
