import { describe, expect, it } from 'vitest';
import { runInProcess as runIn } from '../support/inproc.js';

describe('listen with a store it cannot create (issue 13, break 11)', () => {
  it('listen --store /proc/nope exits 3 at once with the reason, before binding', async () => {
    const r = await runIn(['listen', '--port', '0', '--store', '/proc/nope/captures']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^✗ cannot write captures to \/proc\/nope\/captures\/captures: no such file\n  hint: choose another directory with --store, or --no-store\n$/);
    expect(r.stdout).toBe('');
  });
});
