import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_MODES } from '../../src/core/delivery/types.js';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import { runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';

const sh = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** A directory to complete file names in: two files and a directory. */
const files = mkdtempSync(join(tmpdir(), 'hookctl-completion-'));
writeFileSync(join(files, 'body.json'), '{}');
writeFileSync(join(files, 'notes.txt'), '');
mkdirSync(join(files, 'bodies'));
/** The generated scripts, elsewhere. */
const scripts = mkdtempSync(join(tmpdir(), 'hookctl-completion-scripts-'));

let bashFile = '';
beforeAll(async () => {
  const r = await runCli(['completion', 'bash'], { cwd: files });
  expect(r.code).toBe(0);
  bashFile = join(scripts, 'hookctl.bash');
  writeFileSync(bashFile, r.stdout);
});
afterAll(() => {
  for (const dir of [files, scripts]) rmSync(dir, { recursive: true, force: true });
});

/** Run the generated completion function in a real bash, with COMP_WORDS/COMP_CWORD (and COMP_LINE when given). */
function runBash(words: string[], line?: string): string[] {
  const setLine = line === undefined ? '' : `COMP_LINE=${sh(line)}; COMP_POINT=${line.length}; `;
  const script = `source ${sh(bashFile)}; COMP_WORDS=(${words.map(sh).join(' ')}); COMP_CWORD=${words.length - 1}; ${setLine}_hookctl; printf '%s\\n' "\${#COMPREPLY[@]}" "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', script], { cwd: files, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const [count, ...reply] = r.stdout.split('\n');
  return reply.slice(0, Number(count));
}

/** Complete `words` (the last one is the word under the cursor). */
function complete(words: string[]): string[] {
  return runBash(words);
}

/**
 * Complete the end of `line` the way bash calls the function: COMP_WORDS split at blanks and at the
 * COMP_WORDBREAKS characters = : @ (a run of them is a word of its own), COMP_LINE the line.
 */
function completeLine(line: string): string[] {
  const words = line
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => w.match(/[=:@]+|[^=:@]+/g) ?? []);
  if (/\s$/.test(line)) words.push('');
  return runBash(words, line);
}

const sorted = (list: string[]) => [...list].sort();

describe('hookctl completion', () => {
  it('bash completes commands, provider ids and event names', () => {
    expect(complete(['hookctl', 'ev'])).toEqual(['events']);
    expect(complete(['hookctl', 'events', '--provider', 'str'])).toEqual(['stripe']);
    expect(complete(['hookctl', 'send', 'stripe/payment_intent.succ'])).toEqual(['stripe/payment_intent.succeeded']);
    expect(complete(['hookctl', 'send', 'github/pull_request.clo'])).toEqual(['github/pull_request.closed']);
    expect(complete(['hookctl', 'events', '--pro'])).toEqual(['--provider']);
  });

  it('bash: commands, or the program options after a dash', () => {
    expect(complete(['hookctl', ''])).toEqual(['send', 'listen', 'verify', 'replay', 'captures', 'test', 'ui', 'providers', 'events', 'keys', 'completion']);
    expect(complete(['hookctl', '-'])).toEqual(['--version', '-V', '--json', '--no-color', '--config', '--debug', '--help', '-h']);
  });

  it('bash: captures completes its subcommands, then their options', () => {
    expect(complete(['hookctl', 'captures', ''])).toEqual(['list', 'show', 'export', 'clear', 'tail']);
    expect(complete(['hookctl', 'captures', 'ex'])).toEqual(['export']);
    expect(complete(['hookctl', 'captures', 'clear', '-'])).toEqual(['--yes', '-y', '--store', '--help', '-h', '--json', '--no-color', '--config', '--debug']);
    expect(complete(['hookctl', 'captures', 'export', '--f'])).toEqual(['--failed', '--format']);
    expect(complete(['hookctl', 'captures', 'show', 'last', '--r'])).toEqual(['--raw']);
    expect(complete(['hookctl', 'captures', 'list', '--l'])).toEqual(['--limit']);
    // Options before a subcommand go to the default one, list.
    expect(complete(['hookctl', 'captures', '--fa'])).toEqual(['--failed']);
    expect(complete(['hookctl', 'captures', '--event', 'job.c'])).toEqual(['job.completed', 'job.canceled']);
    // A capture id cannot be guessed: nothing, rather than the options.
    expect(complete(['hookctl', 'captures', 'show', ''])).toEqual([]);
  });

  it('bash: completion completes the shells', () => {
    expect(complete(['hookctl', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(complete(['hookctl', 'completion', 'z'])).toEqual(['zsh']);
  });

  it("bash offers the chosen provider's events only: after provider/, with --provider, else the default's", () => {
    const stripe = complete(['hookctl', 'send', 'stripe/']);
    expect(stripe.length).toBeGreaterThan(250);
    expect(stripe.every((e) => e.startsWith('stripe/'))).toBe(true);
    expect(complete(['hookctl', 'send', '--provider', 'stripe', 'job.'])).toEqual([]);
    const paid = complete(['hookctl', 'send', '-p', 'stripe', 'invoice.pa']);
    expect(paid).toContain('invoice.payment_failed');
    expect(paid.every((e) => e.startsWith('invoice.pa'))).toBe(true);
    expect(complete(['hookctl', 'send', '--provider=github', 'pull_request.clo'])).toEqual(['pull_request.closed']);
    // Nothing chosen: the default provider's (transcodely) events, and every provider/ to go on with.
    const none = complete(['hookctl', 'send', '']);
    expect(none).toEqual(expect.arrayContaining(['job.completed', 'stripe/', 'github/']));
    expect(none).not.toContain('invoice.paid');
  });

  it('bash: an option with enumerated values completes the values', () => {
    expect(complete(['hookctl', 'send', '--signature', ''])).toEqual([...SIGNATURE_MODES]);
    expect(complete(['hookctl', 'send', 'job.completed', '--signature', 'w'])).toEqual(['wrong-secret']);
    expect(complete(['hookctl', 'captures', 'export', '--format', ''])).toEqual(['ndjson', 'har', 'curl']);
    expect(complete(['hookctl', 'captures', 'export', '-f', 'h'])).toEqual(['har']);
    const ids = BUILTIN_PROVIDERS.map((p) => p.id);
    expect(complete(['hookctl', 'send', '--provider', ''])).toEqual(ids);
    expect(complete(['hookctl', 'replay', '-p', ''])).toEqual(ids);
    expect(complete(['hookctl', 'test', '-p', 'gith'])).toEqual(['github']);
    expect(complete(['hookctl', 'replay', '--event', 'job.f'])).toEqual(['job.failed']);
    expect(complete(['hookctl', 'captures', 'list', '-e', 'stripe/invoice.pai'])).toEqual(['stripe/invoice.paid']);
  });

  it('bash: an option that takes a file or a directory completes file names', () => {
    expect(sorted(complete(['hookctl', 'send', '--fixture', 'b']))).toEqual(['bodies', 'body.json']);
    expect(complete(['hookctl', 'test', '--junit', 'n'])).toEqual(['notes.txt']);
    expect(complete(['hookctl', 'verify', '--body', 'no'])).toEqual(['notes.txt']);
    expect(sorted(complete(['hookctl', '--config', '']))).toEqual(['bodies', 'body.json', 'notes.txt']);
    expect(complete(['hookctl', 'send', '--config', 'n'])).toEqual(['notes.txt']);
    expect(complete(['hookctl', 'listen', '--store', ''])).toEqual(['bodies']);
    expect(complete(['hookctl', 'captures', 'clear', '--store', 'b'])).toEqual(['bodies']);
    // --data takes JSON, or @file.
    expect(sorted(completeLine('hookctl send --data '))).toEqual(['@bodies/', '@body.json', '@notes.txt']);
    expect(sorted(completeLine('hookctl send -d @bo'))).toEqual(['@bodies/', '@body.json']);
    expect(completeLine('hookctl send --data {')).toEqual([]);
    // Arguments that may be capture files.
    expect(complete(['hookctl', 'verify', 'n'])).toEqual(['notes.txt']);
    expect(complete(['hookctl', 'replay', 'last', 'n'])).toEqual(['notes.txt']);
  });

  it('bash: an option that takes any other value completes nothing, not the options', () => {
    for (const words of [
      ['send', '--to'],
      ['send', '--count'],
      ['send', '-n'],
      ['send', '--secret'],
      ['listen', '--port'],
      ['replay', '-c'],
      ['captures', 'list', '-n'],
      ['captures', 'export', '--to'],
      ['captures', '--since'],
    ]) {
      expect(complete(['hookctl', ...words, '']), words.join(' ')).toEqual([]);
      expect(complete(['hookctl', ...words, '-']), words.join(' ')).toEqual([]);
    }
    // The value is skipped: what follows it is the command's argument, or an option.
    expect(complete(['hookctl', 'send', '--to', 'localhost', 'job.c'])).toEqual(['job.completed', 'job.canceled']);
    expect(complete(['hookctl', 'listen', '--count', '3', '--stri'])).toEqual(['--strict']);
  });

  it("bash: short flags are each command's own: -p is --port in listen", () => {
    expect(complete(['hookctl', 'listen', '-p', ''])).toEqual([]);
    expect(complete(['hookctl', 'listen', '-p', '4000', '--provider', 'str'])).toEqual(['stripe']);
    expect(complete(['hookctl', 'send', '-p', 'str'])).toEqual(['stripe']);
    expect(complete(['hookctl', 'events', '-p', 'str'])).toEqual(['stripe']);
    expect(complete(['hookctl', 'listen', '-s', ''])).toEqual([]);
  });

  it('bash: program options before the command are skipped, with their values', () => {
    expect(complete(['hookctl', '--json', 'send', 'job.c'])).toEqual(['job.completed', 'job.canceled']);
    expect(complete(['hookctl', '--no-color', '--debug', 'send', 'job.c'])).toEqual(['job.completed', 'job.canceled']);
    expect(complete(['hookctl', '--config', 'hookctl.json', 'send', 'job.c'])).toEqual(['job.completed', 'job.canceled']);
    expect(complete(['hookctl', '--json', 'captures', 's'])).toEqual(['show']);
    expect(complete(['hookctl', '--json', 'listen', '-p', ''])).toEqual([]);
  });

  it('bash: words bash splits at = : @ are joined back', () => {
    expect(completeLine('hookctl --config=hookctl.json send job.c')).toEqual(['job.completed', 'job.canceled']);
    expect(completeLine('hookctl send --to localhost:3000 job.c')).toEqual(['job.completed', 'job.canceled']);
    expect(completeLine('hookctl send --to :3000 --signature st')).toEqual(['stale']);
    expect(completeLine('hookctl send --to http://localhost:3000/hooks ')).toContain('job.completed');
    // bash replaces only what follows the =.
    expect(completeLine('hookctl send --signature=st')).toEqual(['stale']);
    expect(completeLine('hookctl events --provider=str')).toEqual(['stripe']);
    expect(completeLine('hookctl send --fixture=no')).toEqual(['notes.txt']);
  });

  it('zsh reuses the bash function through bashcompinit', async () => {
    const [zsh, bash] = await Promise.all([runInProcess(['completion', 'zsh']), runInProcess(['completion', 'bash'])]);
    expect(zsh.stdout).toMatch(/^#compdef hookctl\n/);
    expect(zsh.stdout).toContain('autoload -U +X bashcompinit && bashcompinit\n');
    expect(zsh.stdout).toContain(bash.stdout.split('\n').slice(1).join('\n'));
    expect(zsh.stdout).toContain('\ncomplete -F _hookctl hookctl\n');
  });

  it('fish completes per command, from the same definitions', async () => {
    const fish = (await runInProcess(['completion', 'fish'])).stdout;
    const line = (s: string) => expect(fish).toContain(`\ncomplete -c hookctl ${s}`);
    line(`-n "__hookctl_at ''" -a events -d `);
    for (const sub of ['list', 'show', 'export', 'clear', 'tail']) line(`-n "__hookctl_at 'captures'" -a ${sub} -d `);
    line(`-n "__hookctl_at 'captures export'" -l format -s f -r -f -a 'ndjson har curl' -d `);
    line(`-n "__hookctl_at 'completion' 0" -a 'bash zsh fish'\n`);
    line(`-n "__hookctl_at 'send'" -l signature -r -f -a '${SIGNATURE_MODES.join(' ')}' -d `);
    line(`-n "__hookctl_at 'send'" -l provider -s p -r -f -a '(__hookctl_providers)' -d `);
    line(`-n "__hookctl_at 'send' 0" -a '(__hookctl_events)'\n`);
    line(`-n "__hookctl_at 'listen'" -l port -s p -r -f -d `);
    line(`-n "__hookctl_at 'listen'" -l provider -r -f -a '(__hookctl_providers)' -d `);
    line(`-n "__hookctl_at 'send'" -l to -s t -r -f -d `);
    line(`-n "__hookctl_at 'send'" -l fixture -r -F -d `);
    line(`-n "__hookctl_at 'send'" -l data -s d -r -f -a '(__hookctl_at_files)' -d `);
    line(`-n "__hookctl_at 'listen'" -l store -r -f -a '(__fish_complete_directories (commandline -ct))' -d `);
    line(`-n "__hookctl_at 'test'" -l config -r -F -d `);
    // Finding the command skips the values of options that take one, --config before it too.
    expect(fish).toMatch(/case ' --config' 'send --provider' 'send -p' /);
    expect(fish).toContain("'listen -p'");
    expect(fish).toContain(`function __hookctl_providers; printf '%s\\n' ${BUILTIN_PROVIDERS.map((p) => sh(p.id)).join(' ')}; end`);
  });

  const hasFish = spawnSync('fish', ['--version']).status === 0;
  it.skipIf(!hasFish)('fish, where installed, completes each case', async () => {
    const script = join(scripts, 'hookctl.fish');
    writeFileSync(script, (await runInProcess(['completion', 'fish'])).stdout);
    const fish = (line: string) => {
      const r = spawnSync('fish', ['--no-config', '-c', `source ${sh(script)}; complete -C ${sh(line)}`], { cwd: files, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0])
        .sort();
    };
    expect(fish('hookctl captures ')).toEqual(['clear', 'export', 'list', 'show']);
    expect(fish('hookctl captures export --format ')).toEqual(['curl', 'har', 'ndjson']);
    expect(fish('hookctl completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(fish('hookctl send --signature ')).toEqual(sorted([...SIGNATURE_MODES]));
    expect(fish('hookctl send -p str')).toEqual(['stripe']);
    expect(fish('hookctl listen -p ')).toEqual([]);
    expect(fish('hookctl send --to ')).toEqual([]);
    expect(fish('hookctl send --fixture b')).toEqual(['bodies/', 'body.json']);
    expect(fish('hookctl send --data @b')).toEqual(['@bodies/', '@body.json']);
    expect(fish('hookctl --json send job.c')).toEqual(['job.canceled', 'job.completed']);
    expect(fish('hookctl --config x.json send job.c')).toEqual(['job.canceled', 'job.completed']);
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runInProcess(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✗ no completion for shell "tcsh"');
  });
});
