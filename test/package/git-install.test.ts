import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const git = (args: string[], cwd: string) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
// Network failures npm reports when the cache lacks a package and the registry is out of reach.
const OFFLINE = /ENOTCACHED|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/;

describe('npm install git+file://', () => {
  // What `npm install github:owner/repo` does: clone, install devDependencies, run prepare, pack, install.
  it('installs the repository from git and runs hookctl --version', { timeout: 300_000 }, (ctx) => {
    const repo = mkdtempSync(join(tmpdir(), 'hookctl-git-'));
    git(['clone', '--quiet', '--depth', '1', pathToFileURL(ROOT).href, repo], ROOT);
    // The test oracles (stripe, playwright, ...) are devDependencies prepare never uses; installing them would
    // make this test a minute long. Keep what the build needs (the compiler and its types), as a commit.
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    pkg.devDependencies = Object.fromEntries(Object.entries(pkg.devDependencies as Record<string, string>).filter(([name]) => name === 'typescript' || name.startsWith('@types/')));
    writeFileSync(join(repo, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    git(['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '-am', 'only the build devDependencies'], repo);

    const app = mkdtempSync(join(tmpdir(), 'hookctl-gitapp-'));
    writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}');
    const env = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-package-lock', `git+${pathToFileURL(repo).href}`], { cwd: app, encoding: 'utf8', env });
    if (install.status !== 0 && OFFLINE.test(install.stderr)) {
      console.log('skipped: npm cannot reach the registry and its cache lacks a dependency');
      ctx.skip();
    }
    expect(install.status, install.stderr).toBe(0);

    const version = spawnSync('npx', ['--no-install', 'hookctl', '--version'], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(version.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});
