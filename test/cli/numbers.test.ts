import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureWritten, startListen } from '../listen/support.js';
import { runCli, type CliResult } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';

// Every numeric option goes through the shared parsers of src/commands/shared/parsers.ts: plain digits,
// a real upper bound, and on bad input exit 2 with exactly `✗ message` and `  hint: e.g. …`.
// In process: the parsers are the same code in the bin; verify on stdin below goes through the bin.

const cwd = mkdtempSync(join(tmpdir(), 'hookctl-numbers-'));
const env = { HOME: cwd };
const run = (args: string[]) => runInProcess(args, { cwd, env });
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

const MS = '2147483647 (24.8 days)';
const send = (...args: string[]) => ['send', 'job.completed', '--dry-run', ...args];

/** [argv, the message after `✗ `, the hint after `hint: `] */
const BAD: [string[], string, string][] = [
  // send: counts (item 1, 4)
  [send('--count', '0'), '--count "0" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', '0x10'), '--count "0x10" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', '1e3'), '--count "1e3" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', '1.5'), '--count "1.5" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', '-5'), '--count "-5" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', ''), '--count "" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', ' 5'), '--count " 5" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', '1000001'), '--count "1000001" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', '1000000000'), '--count "1000000000" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--count', '99999999999'), '--count "99999999999" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('-n', '99999999999999999999999'), '--count "99999999999999999999999" is not a whole number from 1 to 1000000', 'e.g. --count 100'],
  [send('--duplicate', '0'), '--duplicate "0" is not a whole number from 1 to 1000', 'e.g. --duplicate 3'],
  [send('--duplicate', '1001'), '--duplicate "1001" is not a whole number from 1 to 1000', 'e.g. --duplicate 3'],
  [send('--duplicate', '99999999999'), '--duplicate "99999999999" is not a whole number from 1 to 1000', 'e.g. --duplicate 3'],
  [send('--concurrency', '0'), '--concurrency "0" is not a whole number from 1 to 1000', 'e.g. --concurrency 50'],
  [send('-c', '1001'), '--concurrency "1001" is not a whole number from 1 to 1000', 'e.g. --concurrency 50'],
  [send('--concurrency', 'lots'), '--concurrency "lots" is not a whole number from 1 to 1000', 'e.g. --concurrency 50'],
  // send: times (item 2, 4)
  [send('--timeout', '0'), `--timeout "0" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 5000'],
  [send('--timeout', '2147483648'), `--timeout "2147483648" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 5000'],
  [send('--timeout', '99999999999'), `--timeout "99999999999" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 5000'],
  [send('--timeout', '1e3'), `--timeout "1e3" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 5000'],
  [send('--timestamp', ''), '--timestamp "" is not a Unix time in whole seconds from 0 to 99999999999', 'e.g. --timestamp 1700000000'],
  [send('--timestamp', '1e3'), '--timestamp "1e3" is not a Unix time in whole seconds from 0 to 99999999999', 'e.g. --timestamp 1700000000'],
  [send('--timestamp', '0x10'), '--timestamp "0x10" is not a Unix time in whole seconds from 0 to 99999999999', 'e.g. --timestamp 1700000000'],
  [send('--timestamp', '-1'), '--timestamp "-1" is not a Unix time in whole seconds from 0 to 99999999999', 'e.g. --timestamp 1700000000'],
  [send('--timestamp', '1700000000000'), '--timestamp 1700000000000 looks like milliseconds', 'give Unix seconds: 1700000000'],
  [send('--time-scale', '1e-3'), '--time-scale "1e-3" is not a number from 0 to 1000', 'e.g. --time-scale 0.001'],
  [send('--time-scale', '-1'), '--time-scale "-1" is not a number from 0 to 1000', 'e.g. --time-scale 0.001'],
  [send('--time-scale', ''), '--time-scale "" is not a number from 0 to 1000', 'e.g. --time-scale 0.001'],
  [send('--time-scale', 'Infinity'), '--time-scale "Infinity" is not a number from 0 to 1000', 'e.g. --time-scale 0.001'],
  // send: targets with no port to send to (item 5)
  [send('--to', 'localhost:0'), 'port 0 is out of range in "localhost:0"', "a target's port is from 1 to 65535, like localhost:3000"],
  [send('--to', ':0'), 'port 0 is out of range in ":0"', "a target's port is from 1 to 65535, like localhost:3000"],
  [send('--to', '0'), 'port 0 is out of range in "0"', "a target's port is from 1 to 65535, like localhost:3000"],
  [send('--to', 'http://127.0.0.1:0/hooks'), 'port 0 is out of range in "http://127.0.0.1:0/hooks"', "a target's port is from 1 to 65535, like localhost:3000"],
  [send('--to', '-1'), 'port -1 is out of range in "-1"', "a target's port is from 1 to 65535, like localhost:3000"],
  [send('--to', ':-1/hooks'), 'port -1 is out of range in ":-1/hooks"', "a target's port is from 1 to 65535, like localhost:3000"],
  [send('--to', '70000'), 'port 70000 is out of range in "70000"', "a target's port is from 1 to 65535, like localhost:3000"],
  [send('--to', 'localhost:123456'), 'port 123456 is out of range in "localhost:123456"', "a target's port is from 1 to 65535, like localhost:3000"],
  // send: an event and --all (item 3)
  [['send', 'job.completed', '--all'], 'give an event or --all, not both (got "job.completed")', 'hookctl send --all --provider stripe --to localhost:3000'],

  // listen: every value fails while parsing, before anything binds
  [['listen', '--timeout', '99999999999'], `--timeout "99999999999" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 30000'],
  [['listen', '--timeout', '0'], `--timeout "0" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 30000'],
  [['listen', '--delay', '99999999999'], `--delay "99999999999" is not a whole number of milliseconds from 0 to ${MS}`, 'e.g. --delay 200'],
  [['listen', '--delay', '2147483648'], `--delay "2147483648" is not a whole number of milliseconds from 0 to ${MS}`, 'e.g. --delay 200'],
  [['listen', '--delay', '1e3'], `--delay "1e3" is not a whole number of milliseconds from 0 to ${MS}`, 'e.g. --delay 200'],
  [['listen', '--request-timeout', '0'], `--request-timeout "0" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --request-timeout 30000'],
  [['listen', '--request-timeout', '99999999999'], `--request-timeout "99999999999" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --request-timeout 30000'],
  [['listen', '--count', '0'], '--count "0" is not a whole number from 1 to 1000000', 'e.g. --count 3'],
  [['listen', '--count', '99999999999'], '--count "99999999999" is not a whole number from 1 to 1000000', 'e.g. --count 3'],
  [['listen', '--port', '70000'], '--port "70000" is not a whole number from 0 to 65535', 'e.g. --port 4000'],
  [['listen', '-p', '-1'], '--port "-1" is not a whole number from 0 to 65535', 'e.g. --port 4000'],
  [['listen', '--port', '0x10'], '--port "0x10" is not a whole number from 0 to 65535', 'e.g. --port 4000'],
  [['listen', '--tolerance', '1e3'], '--tolerance "1e3" is not a whole number of seconds from 0 to 999999999', 'e.g. --tolerance 600 (0 turns the check off)'],
  [['listen', '--tolerance', '1000000000'], '--tolerance "1000000000" is not a whole number of seconds from 0 to 999999999', 'e.g. --tolerance 600 (0 turns the check off)'],
  [['listen', '--status', '99'], '--status "99" is not a status code from 200 to 599', 'e.g. --status 503'],
  [['listen', '--status', '600'], '--status "600" is not a status code from 200 to 599', 'e.g. --status 503'],
  [['listen', '--status', '2e2'], '--status "2e2" is not a status code from 200 to 599', 'e.g. --status 503'],
  [['listen', '--respond', '500,,200'], '--respond "500,,200" is not a comma-separated list of status codes from 200 to 599', 'e.g. --respond 500,500,200'],
  [['listen', '--respond', '500,abc'], '--respond "500,abc" is not a comma-separated list of status codes from 200 to 599', 'e.g. --respond 500,500,200'],
  [['listen', '--respond', '500,'], '--respond "500," is not a comma-separated list of status codes from 200 to 599', 'e.g. --respond 500,500,200'],
  [['listen', '--respond', ''], '--respond "" is not a comma-separated list of status codes from 200 to 599', 'e.g. --respond 500,500,200'],
  [['listen', '--respond', '500,100'], '--respond "500,100" is not a comma-separated list of status codes from 200 to 599', 'e.g. --respond 500,500,200'],
  [['listen', '--max-body', 'lots'], '--max-body "lots" is not a size from 1 byte to 1gb, like 10mb, 512kb or 1048576', 'e.g. --max-body 10mb'],
  [['listen', '--max-body', '0'], '--max-body "0" is not a size from 1 byte to 1gb, like 10mb, 512kb or 1048576', 'e.g. --max-body 10mb'],
  [['listen', '--max-body', '2gb'], '--max-body "2gb" is not a size from 1 byte to 1gb, like 10mb, 512kb or 1048576', 'e.g. --max-body 10mb'],

  // replay
  [['replay', 'last', '--timeout', '0'], `--timeout "0" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 5000'],
  [['replay', 'last', '--timeout', '99999999999'], `--timeout "99999999999" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 5000'],
  [['replay', 'last', '--delay', '99999999999'], `--delay "99999999999" is not a whole number of milliseconds from 0 to ${MS}`, 'e.g. --delay 250'],
  [['replay', 'last', '--delay', '-1'], `--delay "-1" is not a whole number of milliseconds from 0 to ${MS}`, 'e.g. --delay 250'],
  [['replay', 'last', '--concurrency', '0'], '--concurrency "0" is not a whole number from 1 to 1000', 'e.g. --concurrency 4'],
  [['replay', 'last', '-c', '99999999999'], '--concurrency "99999999999" is not a whole number from 1 to 1000', 'e.g. --concurrency 4'],

  // test
  [['test', '--timeout', '99999999999'], `--timeout "99999999999" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 5000'],
  [['test', '--timeout', '0'], `--timeout "0" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --timeout 5000'],
  [['test', '--slow', '99999999999'], `--slow "99999999999" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --slow 1000'],
  [['test', '--slow', '0.5'], `--slow "0.5" is not a whole number of milliseconds from 1 to ${MS}`, 'e.g. --slow 1000'],

  // verify, captures
  [['verify', 'last', '--tolerance', 'soon'], '--tolerance "soon" is not a whole number of seconds from 0 to 999999999', 'e.g. --tolerance 600 (0 turns the check off)'],
  [['verify', 'last', '--tolerance', '-1'], '--tolerance "-1" is not a whole number of seconds from 0 to 999999999', 'e.g. --tolerance 600 (0 turns the check off)'],
  [['captures', 'list', '--limit', '0'], '--limit "0" is not a whole number from 1 to 1000000', 'e.g. --limit 20'],
  [['captures', '--limit', '1e3'], '--limit "1e3" is not a whole number from 1 to 1000000', 'e.g. --limit 20'],
];

function expectUsageError(r: CliResult, message: string, hint: string): void {
  expect(r.stderr).not.toMatch(/unexpected error|TimeoutOverflowWarning|\n\s+at /);
  expect(lines(r.stderr)).toEqual([`✗ ${message}`, `  hint: ${hint}`]);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe.concurrent('numeric options: bad values exit 2 with one line and a hint', () => {
  it.each(BAD)('hookctl %j', async (args, message, hint) => {
    expectUsageError(await run(args), message, hint);
  });
});

describe.concurrent('numeric options: the bounds themselves are accepted', () => {
  it('send: --count 3, and every other bound at its maximum', async () => {
    const r = await run(send('--json', '--count', '3', '--duplicate', '1000', '--concurrency', '1000', '--timeout', '2147483647', '--time-scale', '1000', '--timestamp', '99999999999'));
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toHaveLength(3);
    expect(JSON.parse(lines(r.stdout)[0]!).request.timestamp).toBe(99999999999);
    expect(r.stderr).not.toMatch(/TimeoutOverflowWarning|✗/);
  });

  it('send: the lower bounds, and a plain decimal time scale', async () => {
    const r = await run(send('--json', '--count', '1', '--duplicate', '1', '--concurrency', '1', '--timeout', '1', '--time-scale', '.5', '--timestamp', '0'));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(lines(r.stdout)[0]!).request.timestamp).toBe(0);
  });

  it('send: the defaults still apply when no numeric option is given', async () => {
    const r = await run(send('--json'));
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
  });

  it('send: ports 1 and 65535 are targets', async () => {
    for (const to of ['1', 'localhost:65535']) {
      const r = await run(send('--to', to, '--json'));
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('replay: --concurrency 1000 --delay and --timeout 2147483647 are taken (nothing to replay)', async () => {
    const r = await run(['replay', '--all', '--store', join(cwd, 'empty-store'), '--to', 'localhost:3000', '--concurrency', '1000', '--delay', '2147483647', '--timeout', '2147483647']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/no captures match/);
    expect(r.stderr).not.toMatch(/TimeoutOverflowWarning|✗/);
  });

  it("test: --slow and --timeout 2147483647 are taken (the error is the target's, not theirs)", async () => {
    const r = await run(['test', '--to', 'localhost:0', '--slow', '2147483647', '--timeout', '2147483647']);
    expectUsageError(r, 'port 0 is out of range in "localhost:0"', "a target's port is from 1 to 65535, like localhost:3000");
  });

  it('captures list --limit 1000000 and verify --tolerance 999999999 are taken', async () => {
    const list = await run(['captures', 'list', '--limit', '1000000', '--store', join(cwd, 'empty-store')]);
    expect(list.code, list.stderr).toBe(0);
    const verify = await runCli(['verify', '-', '--provider', 'transcodely', '--secret', 's', '--tolerance', '999999999'], { cwd, env, input: 'POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}' });
    expect(verify.code, verify.stderr).toBe(1);
    expect(verify.stderr).not.toMatch(/✗ --tolerance/);
  });

  it('listen: --port 0 still picks a free port; timers at 2147483647 ms wait instead of firing at once', async () => {
    const store = mkdtempSync(join(tmpdir(), 'hookctl-numbers-store-'));
    const l = await startListen(
      [
        '--store',
        store,
        '--count',
        '1000000',
        '--timeout',
        '2147483647',
        '--delay',
        '2147483647',
        '--request-timeout',
        '2147483647',
        '--tolerance',
        '999999999',
        '--max-body',
        '1gb',
        '--respond',
        '200,599',
      ],
      { cwd, env },
    );
    try {
      expect(l.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(l.url).not.toMatch(/:0$/);
      // An overflowing --delay answers after 1 ms; an overflowing --timeout exits at once. listen stores a
      // delivery before its delay starts: once it is on disk, the answer must still be held back.
      let answered = false;
      const req = request(`${l.url}/hooks`, { method: 'POST', headers: { 'content-type': 'application/json' } }, () => {
        answered = true;
      });
      req.on('error', () => {});
      req.end('{}');
      await captureWritten(join(store, 'captures'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(answered).toBe(false);
      req.destroy();
      expect(l.child.exitCode).toBeNull();
      expect(l.stderr()).not.toMatch(/TimeoutOverflowWarning/);
    } finally {
      // Not SIGINT: listen stays up until a pending --delay runs out, and this one is 24.8 days.
      await l.stop('SIGKILL');
    }
    expect(l.stderr()).not.toMatch(/TimeoutOverflowWarning|✗/);
  });
});
