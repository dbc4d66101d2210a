import { spawn } from 'node:child_process';
import { BIN } from '../support/cli.js';

export interface ShellResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run one line of shell with `hookctl` meaning this checkout's bin, and no secret or config from the caller. */
export function runShell(line: string, cwd: string, env: Record<string, string> = {}): Promise<ShellResult> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `set -euo pipefail\nhookctl() { node ${JSON.stringify(BIN)} "$@"; }\n${line}`], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_SECRET: undefined, HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
