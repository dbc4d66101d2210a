import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCapture, storeWith, tempDir } from '../captures/helpers.js';
import { runShell } from '../docs/run.js';
import { runCli } from '../support/cli.js';
import { doc, shBlocks } from '../support/readme.js';
import { startServer, type TestServer } from '../support/server.js';

describe('the pages of verify, replay and captures run as written', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startServer();
  });
  afterAll(() => app.close());

  it('every example, in order, exits 0 (listen on a port it picks itself)', async () => {
    // listen binds port 0 and the script reads the port it printed: no port is picked, then bound later.
    const script = ['verify', 'replay', 'captures']
      .map((c) => doc(`docs/commands/${c}.md`))
      .flatMap(shBlocks)
      .join('\n')
      .replace(
        /^hookctl listen --port 4000 &(.*)$/m,
        (_line, comment: string) => `hookctl listen --port 0 2>listen.log &${comment}
for i in $(seq 300); do LISTEN_PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' listen.log | grep -o '[0-9]*$' || true); [ -n "$LISTEN_PORT" ] && break; sleep 0.1; done`,
      )
      .replaceAll('localhost:4000', 'localhost:$LISTEN_PORT')
      .replaceAll('localhost:3000', `localhost:${app.port}`)
      .replaceAll(':3000/', `:${app.port}/`);
    expect(script).toContain('--port 0 2>listen.log &');
    const cwd = tempDir();
    // Async: the receiver lives in this process and must keep answering while the script runs.
    const r = await runShell(script, cwd, { env: { HOOKCTL_SECRET: '', HOOKCTL_PROVIDER: '', HOOKCTL_CONFIG: '' }, groupTimeoutMs: 60_000 });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/✔ valid .*transcodely/);
    expect(JSON.parse(readFileSync(join(cwd, 'captures.har'), 'utf8')).log.entries.length).toBeGreaterThan(0);
    expect(app.received.length).toBeGreaterThanOrEqual(4);
  }, 70_000);

  it('every key of verify --json and replay --json is named where their pages describe them', async () => {
    const documented = (command: string, from: string) => {
      const text = doc(`docs/commands/${command}.md`);
      return text.slice(text.indexOf(from)).split('\n\n')[0] as string;
    };
    const store = await storeWith([makeCapture({ provider: 'transcodely', secret: 'whsec_docs', body: '{"event":"job.completed"}', event: 'job.completed', at: Date.now() })]);
    const keysOf = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .flatMap((l) => Object.keys(JSON.parse(l) as object));
    const verifyKeys = [
      ...keysOf((await runCli(['verify', 'last', '--json', '--store', store, '--secret', 'whsec_docs'])).stdout),
      ...keysOf((await runCli(['verify', 'last', '--json', '--store', store, '--secret', 'whsec_wrong'])).stdout),
    ];
    const replayKeys = [
      ...keysOf((await runCli(['replay', 'last', '--store', store, '--to', `localhost:${app.port}`, '--json', '--expect', '2xx'])).stdout),
      ...keysOf((await runCli(['replay', 'last', '--store', store, '--to', 'localhost:1', '--json'])).stdout),
    ];
    expect(verifyKeys).toContain('explanation');
    expect(replayKeys).toEqual(expect.arrayContaining(['expectMet', 'error']));
    const verifyText = documented('verify', '`--json` prints one object per request');
    const replayText = documented('replay', '- `--json` prints one object per capture');
    expect(verifyKeys.filter((k) => !verifyText.includes(`\`${k}\``))).toEqual([]);
    expect(replayKeys.filter((k) => !replayText.includes(`\`${k}\``))).toEqual([]);
  });
});
