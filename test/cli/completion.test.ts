import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';

/** Source the generated script in a real bash and ask it to complete `words`. */
function complete(words: string[]): string[] {
  const script = `source <("${process.execPath}" "${BIN}" completion bash); COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _hookctl; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.status).toBe(0);
  return r.stdout.trim().split('\n');
}

describe('hookctl completion', () => {
  it('bash completes commands, provider ids and event names', () => {
    expect(complete(['hookctl', 'ev'])).toEqual(['events']);
    expect(complete(['hookctl', 'events', '--provider', 'str'])).toEqual(['stripe']);
    expect(complete(['hookctl', 'send', 'stripe/payment_'])).toEqual(['stripe/payment_intent.succeeded']);
    expect(complete(['hookctl', 'events', '--pro'])).toEqual(['--provider']);
  });

  it('zsh and fish scripts name the commands, options and providers', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.stdout).toMatch(/^#compdef hookctl\n/);
    expect(zsh.stdout).toContain('complete -o default -F _hookctl hookctl');
    const fish = await runCli(['completion', 'fish']);
    expect(fish.stdout).toContain('complete -c hookctl -n __fish_use_subcommand -a events');
    expect(fish.stdout).toContain("-l provider -s p -r -a 'changethisfile");
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✗ no completion for shell "tcsh"');
  });
});
