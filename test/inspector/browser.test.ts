import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';
import { CHROMIUM, HAVE_CHROMIUM, launch } from './browser.js';
import { encodeCapture } from '../../src/core/store/index.js';
import { makeCapture } from '../captures/helpers.js';
import { http, spawnLive } from './support.js';

if (!HAVE_CHROMIUM) process.stderr.write(`inspector browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);

/** Upper bounds for DOM conditions: generous on a loaded machine, never a measure. */
const WAIT = { timeout: 15_000 };
const rows = (page: Page) => page.locator('#list .row');

describe.skipIf(!HAVE_CHROMIUM)('the inspector in chromium', () => {
  let cwd: string;
  let live: Awaited<ReturnType<typeof spawnLive>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let context: BrowserContext;
  let page: Page;
  let receiver: TestServer;
  let sent = 0;

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'hookctl-browser-'));
    receiver = await startServer((_r, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":"replayed"}');
    });
    [live, browser] = await Promise.all([spawnLive(['listen', '--port', '0'], cwd), launch()]);
    context = browser.context;
    page = await context.newPage();
    page.on('dialog', (d) => {
      throw new Error(`a dialog opened: ${d.message()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    expect(await live?.stop()).toBe(0);
    await receiver?.close();
  });

  it('shows every delivery of `send --all` live, with its verification, without a reload', async () => {
    await page.goto(live.banner.inspector as string);
    await page.locator('#live', { hasText: 'live' }).waitFor(WAIT);
    // Every Stripe event type: hundreds of deliveries, more than the list ever puts in the DOM at once.
    const out = await runInProcess(['--json', 'send', '--all', '--provider', 'stripe', '--to', live.banner.url as string], { cwd });
    expect(out.code, out.stderr).toBe(0);
    sent = out.stdout.trim().split('\n').length;
    expect(sent).toBeGreaterThan(200);
    await expect.poll(() => page.locator('#status').textContent(), WAIT).toBe(`${sent} captures`);
    // The list is virtual: the rows on screen carry their verification, and no capture failed it.
    expect(await rows(page).count()).toBeGreaterThan(0);
    expect(await rows(page).locator('.verify .ok').count()).toBe(await rows(page).count());
    await page.selectOption('#f-verify', 'invalid');
    await expect.poll(() => page.locator('#status').textContent(), WAIT).toBe(`${sent} captures, 0 shown`);
    await page.selectOption('#f-verify', '');
    await expect.poll(() => page.locator('#status').textContent(), WAIT).toBe(`${sent} captures`);
    // One more, alone: it shows without a reload too.
    const one = await runInProcess(['--json', 'send', 'stripe/invoice.paid', '--to', live.banner.url as string], { cwd });
    expect(one.code, one.stderr).toBe(0);
    sent += 1;
    await page.waitForFunction((n) => document.querySelector('#status')?.textContent === `${n} captures`, sent, { ...WAIT, polling: 'raf' });
  });

  it('opens a capture from the keyboard and shows the diagnosis `hookctl verify` prints; Escape goes back', async () => {
    await page.locator('#list').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const id = await page.locator('#list .row.selected').getAttribute('data-id');
    await page.keyboard.press('Enter');
    await page.locator('.verify-text').waitFor(WAIT);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
    const cli = await runInProcess(['verify', id as string], { cwd });
    const stable = (text: string) =>
      text
        .trim()
        .split('\n')
        .filter((l) => !l.trimStart().startsWith('timestamp'));
    expect(stable((await page.locator('.verify-text').textContent()) ?? '')).toEqual(stable(cli.stdout));
    expect(await page.locator('.verdict').textContent()).toBe('✔ valid');
    expect(await page.locator('table.headers th', { hasText: /^Stripe-Signature$/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('list');
    expect(await page.locator('#detail').isHidden()).toBe(true);
  });

  it('filters by verification, provider and text; a failed delivery says why', async () => {
    await http(`${live.banner.url}/webhooks/stripe`, {
      method: 'POST',
      body: '{"id":"evt_forged","type":"charge.failed"}',
      headers: [
        ['Stripe-Signature', `t=1,v1=${'0'.repeat(64)}`],
        ['Content-Type', 'application/json'],
      ],
    });
    const status = () => page.locator('#status').textContent();
    await expect.poll(status, WAIT).toBe(`${sent + 1} captures`);
    await page.selectOption('#f-verify', 'invalid');
    await expect.poll(status, WAIT).toBe(`${sent + 1} captures, 1 shown`);
    expect(await rows(page).first().locator('.verify').textContent()).toBe('✘ timestamp-too-old');
    await page.selectOption('#f-verify', 'valid');
    await expect.poll(status, WAIT).toBe(`${sent + 1} captures, ${sent} shown`);
    await page.selectOption('#f-verify', '');
    await page.fill('#f-q', 'EVT_FORGED');
    await expect.poll(status, WAIT).toBe(`${sent + 1} captures, 1 shown`);
    await page.fill('#f-q', '');
    await page.selectOption('#f-provider', 'stripe');
    await expect.poll(status, WAIT).toBe(`${sent + 1} captures`);
    await page.selectOption('#f-provider', '');
  });

  it('replays a capture to a receiver and shows the answer', async () => {
    await rows(page).nth(1).click();
    await page.locator('#replay-to').waitFor(WAIT);
    await page.fill('#replay-to', receiver.url);
    await page.click('#replay-go');
    await page.locator('.answer', { hasText: `200 from ${receiver.url}/webhooks/stripe` }).waitFor(WAIT);
    expect(await page.locator('.answer pre').textContent()).toBe('{"ok":"replayed"}');
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers['stripe-signature']).toMatch(/^t=\d+,v1=/);
  });

  it('copies as curl and compares two captures', async () => {
    await page.click('text=Copy as curl');
    const curl = await page.locator('.action-out textarea').inputValue();
    expect(curl).toMatch(/^# \S+ stripe/);
    const other = await rows(page).nth(2).getAttribute('data-id');
    await page.fill('#diff-with', other as string);
    await page.click('text=Diff');
    await page.locator('.diff-view').waitFor(WAIT);
    expect(await page.locator('.diff-view pre.diff .del').count()).toBeGreaterThan(0);
    expect(await page.locator('.diff-view pre.diff .add').count()).toBeGreaterThan(0);
  });

  it('refuses the page and the API without the token', async () => {
    const url = new URL(live.banner.inspector as string);
    const bare = `${url.origin}${url.pathname}`;
    const res = await page.goto(bare);
    expect(res?.status()).toBe(401);
    expect(await page.textContent('body')).toContain('missing or wrong token');
    await page.goto(live.banner.inspector as string);
    const [list, replay] = await page.evaluate(async () => [(await fetch('api/captures')).status, (await fetch('api/captures/0/replay', { method: 'POST', body: '{}' })).status]);
    expect([list, replay]).toEqual([401, 401]);
  });

  it('never renders captured content as HTML: script tags, event handlers and javascript: URLs stay text', async () => {
    const path = '/hook/<img/src=x/onerror=window.__pwned=1>?next=javascript:window.__pwned=2';
    const body = '{"html":"<script>window.__pwned=3</script><img src=x onerror=\\"window.__pwned=4\\">","link":"javascript:window.__pwned=5"}';
    const stored = await http(`${live.banner.url}${path}`, {
      method: 'POST',
      body,
      headers: [
        ['X-Evil', '<script>window.__pwned=6</script>'],
        ['X-Img', '<img src=x onerror="window.__pwned=7">'],
        ['X-Link', 'javascript:window.__pwned=8'],
        ['Content-Type', 'text/html'],
      ],
    });
    expect(stored.status).toBe(200);
    await page.goto(live.banner.inspector as string);
    const row = rows(page).filter({ hasText: '<img/src=x/onerror' });
    await row.waitFor(WAIT);
    expect(await row.locator('.path').textContent()).toBe(`POST ${path}`);
    await row.click();
    await page.locator('#detail-title', { hasText: 'onerror' }).waitFor(WAIT);
    expect(await page.locator('#detail-title').textContent()).toBe(`POST ${path} HTTP/1.1`);
    expect(await page.locator('table.headers tr', { hasText: 'X-Evil' }).locator('td').textContent()).toBe('<script>window.__pwned=6</script>');
    expect(await page.locator('table.headers tr', { hasText: 'X-Img' }).locator('td').textContent()).toBe('<img src=x onerror="window.__pwned=7">');
    expect(await page.locator('pre.raw').first().textContent()).toBe(body);
    expect(await page.locator('.json').textContent()).toContain('<script>window.__pwned=3</script>');
    const dom = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      imgs: document.querySelectorAll('img').length,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
    }));
    expect(dom).toEqual({ pwned: undefined, imgs: 0, inlineScripts: 0, handlers: 0, jsLinks: 0 });
  });

  it('stays usable in a narrow window: the detail replaces the list, Escape brings it back', async () => {
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 380, height: 700 });
    await narrow.goto(live.banner.inspector as string);
    await narrow.locator('#list .row').first().waitFor(WAIT);
    await narrow.locator('#list').focus();
    await narrow.keyboard.press('ArrowDown');
    await narrow.keyboard.press('Enter');
    await narrow.locator('.verify-text').waitFor(WAIT);
    await expect.poll(() => narrow.locator('#list').isVisible(), WAIT).toBe(false);
    await narrow.keyboard.press('Escape');
    await narrow.locator('#list').waitFor({ state: 'visible', ...WAIT });
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await narrow.close();
  });

  it('takes the screenshot in docs/ (UPDATE_SCREENSHOT=1 writes docs/inspector.png)', async () => {
    await page.goto(live.banner.inspector as string);
    // The picture shows deliveries, not the hostile requests other tests sent.
    await page.selectOption('#f-provider', 'stripe');
    await rows(page).nth(1).click();
    await page.locator('.verify-text').waitFor(WAIT);
    const target = process.env.UPDATE_SCREENSHOT === '1' ? fileURLToPath(new URL('../../docs/inspector.png', import.meta.url)) : join(cwd, 'inspector.png');
    const png = await page.screenshot({ path: target });
    // What the picture must show: a Stripe delivery, its verdict, on a PNG the size of the page.
    expect(await page.locator('.verify-text').textContent()).toMatch(/stripe/i);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const size = page.viewportSize();
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: size?.width, height: size?.height });
    expect(readFileSync(target).equals(png)).toBe(true);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('the inspector over a large store (hookctl ui)', () => {
  it('lists 10,000 captures rendering only the visible rows, and reaches the oldest from the keyboard', async () => {
    const store = mkdtempSync(join(tmpdir(), 'hookctl-10k-'));
    mkdirSync(join(store, 'captures'));
    const start = Date.UTC(2026, 0, 1);
    const captures = Array.from({ length: 10_000 }, (_, i) =>
      makeCapture({
        provider: 'github',
        secret: 'it',
        event: i % 3 ? 'push' : 'issues',
        at: start + i * 1000,
        body: `{"n":${i},"zen":"Keep it logically awesome."}`,
      }),
    );
    writeFileSync(join(store, 'captures', `${captures[0]?.id}.ndjson`), captures.map(encodeCapture).join(''));
    const ui = await spawnLive(['ui', '--store', store], store);
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await page.goto(ui.banner.inspector as string);
      await page.locator('#status', { hasText: '10000 captures' }).waitFor(WAIT);
      const rendered = await rows(page).count();
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(100);
      await page.locator('#list').focus();
      await page.keyboard.press('End');
      await page.locator(`#row-${captures[0]?.id}.selected`).waitFor(WAIT);
      expect(await rows(page).count()).toBeLessThan(100);
      await page.selectOption('#f-event', 'issues');
      await page.locator('#status', { hasText: '10000 captures, 3334 shown' }).waitFor(WAIT);
    } finally {
      await browser.close();
      expect(await ui.stop()).toBe(0);
    }
  });
});

describe.skipIf(!HAVE_CHROMIUM)('stopping listen with the inspector open', () => {
  it("Ctrl-C ends the page's event stream, listen exits 0, and the page says it is reconnecting", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-stop-'));
    const live = await spawnLive(['listen', '--port', '0'], cwd);
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await page.goto(live.banner.inspector as string);
      await page.locator('#live', { hasText: 'live' }).waitFor(WAIT);
      expect(await live.stop()).toBe(0);
      await page.locator('#live', { hasText: 'reconnecting' }).waitFor(WAIT);
    } finally {
      await browser.close();
    }
  });
});
