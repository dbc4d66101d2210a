import { spawn } from 'node:child_process';
import { BIN } from '../support/cli.js';

export interface ShellResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ShellOptions {
  env?: Record<string, string>;
  /**
   * For scripts that background a process (`hookctl listen ... &`): the script runs in its own
   * process group, which is killed when the script exits, or after this long at most.
   */
  groupTimeoutMs?: number;
}

/** Run shell lines with `hookctl` meaning this checkout's bin, and no secret or config from the caller. */
export function runShell(line: string, cwd: string, o: ShellOptions = {}): Promise<ShellResult> {
  const group = o.groupTimeoutMs !== undefined;
  return new Promise((resolve) => {
    const prelude = `set -euo pipefail\nhookctl() { node ${JSON.stringify(BIN)} "$@"; }\n${group ? `trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n` : ''}`;
    const child = spawn('bash', ['-c', `${prelude}${line}`], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_SECRET: undefined, HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined, ...o.env },
      detached: group,
    });
    const killGroup = () => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    if (group) {
      const timer = setTimeout(killGroup, o.groupTimeoutMs);
      child.on('exit', () => {
        clearTimeout(timer);
        killGroup();
      });
    }
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
