import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GITHUB_DESCRIPTION } from '../../scripts/catalogue/github.mjs';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { runInProcess } from '../support/inproc.js';
import { ROOT } from '../support/cli.js';

const names = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replace(/\.json$/, ''))
    .sort();

const SMALL = `openapi: 3.1.0
info: { title: Acme, version: '1' }
webhooks:
  order.paid:
    post:
      description: An order was paid.
      requestBody:
        content:
          application/json:
            example: { type: order.paid, order: { id: ord_1, total: 4200 } }
  order.shipped:
    post:
      summary: An order left the warehouse.
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Shipped' }
components:
  schemas:
    Shipped:
      type: object
      required: [type, order, shipped_at]
      properties:
        type: { const: order.shipped }
        order: { $ref: '#/components/schemas/Order' }
        shipped_at: { type: string, format: date-time }
    Order:
      type: object
      required: [id, total]
      properties: { id: { type: string, examples: [ord_1] }, total: { type: integer, minimum: 1 } }
`;

describe('hookctl events import', () => {
  it("of GitHub's description reproduces the built-in GitHub catalogue's event list", { timeout: 120_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'hookctl-import-gh-'));
    const r = await runInProcess(['events', 'import', join(ROOT, GITHUB_DESCRIPTION), '--provider', 'github', '--out', out], { cwd: ROOT });
    expect(r.stderr).toContain('list them with');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote 261 fixtures to .*github \(6 from examples, 255 from schemas\)\n$/);
    expect(names(join(out, 'github'))).toEqual(
      listEvents(getProvider('github'))
        .map((e) => e.name)
        .sort(),
    );
  });

  it('of a small hand-written YAML document: examples first, schemas sampled otherwise; the events become sendable', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-import-small-'));
    writeFileSync(join(cwd, 'acme.yaml'), SMALL);
    writeFileSync(join(cwd, '.hookctlrc.json'), JSON.stringify({ fixtures: ['fixtures'], providers: [{ id: 'acme', extends: 'standard-webhooks' }] }));
    const r = await runInProcess(['events', 'import', 'acme.yaml', '--provider', 'acme', '--json'], { cwd: cwd });
    expect(r.code).toBe(0);
    const { events } = JSON.parse(r.stdout);
    expect(events.map((e: { name: string; from: string }) => [e.name, e.from])).toEqual([
      ['order.paid', 'example'],
      ['order.shipped', 'schema'],
    ]);
    const sent = await runInProcess(['send', 'acme/order.shipped', '--dry-run', '--json'], { cwd: cwd });
    expect(sent.code).toBe(0);
    expect(JSON.parse(JSON.parse(sent.stdout).request.body)).toEqual({ type: 'order.shipped', order: { id: 'ord_1', total: 1 }, shipped_at: '2026-01-15T10:20:30Z' });
    const again = await runInProcess(['events', 'import', 'acme.yaml', '--provider', 'acme'], { cwd: cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('2 of 2 fixture files exist already');
    expect((await runInProcess(['events', 'import', 'acme.yaml', '--provider', 'acme', '--force'], { cwd: cwd })).code).toBe(0);
  });

  it.each([
    ['not OpenAPI', '{"swagger": "2.0"}', /is not an OpenAPI document/],
    ['no webhooks', 'openapi: 3.1.0\ninfo: { title: x, version: "1" }\npaths: {}\n', /has no "webhooks" section/],
    ['an unresolvable $ref', SMALL.replace("'#/components/schemas/Order'", "'#/components/schemas/Nope'"), /cannot resolve a \$ref/],
    ['a name that escapes the directory', SMALL.replace('  order.paid:', '  ../../evil:'), /would leave the fixtures directory/],
    ['not JSON or YAML', '{ "openapi": ', /cannot read/],
  ])('refuses %s: exit 2, one line, nothing written', async (_what, text, message) => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-import-bad-'));
    writeFileSync(join(cwd, 'doc.yaml'), text);
    const r = await runInProcess(['events', 'import', 'doc.yaml', '--provider', 'stripe', '--out', 'out'], { cwd: cwd });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/^✗ /);
    expect(lines.slice(1).every((l) => l.startsWith('  hint:'))).toBe(true);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
