import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' } });

describe('npm pack round trip', () => {
  it('the packed tarball installs in an empty directory and runs', { timeout: 180_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'hookctl-pack-'));
    // --ignore-scripts: dist/ is already built by `npm test`; prepare would rebuild it under running tests.
    npm(['pack', '--ignore-scripts', '--pack-destination', out], ROOT);
    const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    // The generated catalogues (every Stripe and GitHub event) must keep the package small.
    expect(statSync(join(out, tarball!)).size).toBeLessThanOrEqual(5 * 1024 * 1024);

    const app = mkdtempSync(join(tmpdir(), 'hookctl-app-'));
    writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}');
    npm(['install', '--prefer-offline', '--no-package-lock', join(out, tarball!)], app);

    const run = (args: string[]) => spawnSync('npx', ['--no-install', 'hookctl', ...args], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: hookctl');

    // The catalogue ships: a generated GitHub event is sendable from the installed package.
    const gh = run(['send', '--dry-run', 'github/pull_request.closed']);
    expect(gh.status, gh.stderr).toBe(0);

    const dry = run(['send', '--dry-run', 'job.completed']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('X-Transcodely-Signature: sha256=');

    // The library API resolves through "exports" with its types beside it.
    const lib = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { sign } from 'hookctl'; console.log(sign({ provider: 'github', secret: \"It's a Secret to Everybody\", body: 'Hello, World!' }).headers['X-Hub-Signature-256'])",
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(lib.stdout.trim()).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
    expect(readdirSync(join(app, 'node_modules/hookctl/dist'))).toContain('index.d.ts');
    expect(readdirSync(join(app, 'node_modules/hookctl/fixtures'))).toContain('stripe');
    // The inspector's page ships in the package: nothing is fetched from elsewhere.
    expect(readdirSync(join(app, 'node_modules/hookctl/dist/web'))).toEqual(expect.arrayContaining(['index.html', 'main.js', 'style.css']));
  });
});
