import { InvalidArgumentError, type Command } from 'commander';
import type { Lazy } from '../program.js';
import { collect } from './parsers.js';

const int = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}`);
  return n;
};
const status = int('a status code', 200, 599);

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `10mb`, `512KiB`, `1048576`: binary units, as the default (10 MiB) is. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = UNITS[(m?.[2] ?? '').toLowerCase()];
  if (!m || unit === undefined || Number(m[1]) * unit < 1) throw new InvalidArgumentError('a size like 10mb, 512kb or 1048576 (bytes)');
  return Math.floor(Number(m[1]) * unit);
}

function statusList(value: string): number[] {
  const codes = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (codes.length === 0) throw new InvalidArgumentError('a comma-separated list of status codes, like 500,500,200');
  return codes.map(status);
}


export function registerListen(program: Command, lazy: Lazy): Command {
  return program
    .command('listen')
    .description('run a local capture server: verify each delivery, print it, store it byte-exact, forward it to your app')
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one (default: config listen.port, else 4000)', int('--port', 0, 65535))
    .option('--host <host>', 'address to bind (default: config listen.host, else 127.0.0.1)')
    .option('--provider <id>', 'verify every request as this provider (default: detected from each request\'s headers)')
    .option('-s, --secret <secret>', 'signing secret; repeat for rotation, the output says which matched (default: HOOKCTL_SECRET, config, dev secret)', collect)
    .option('--tolerance <seconds>', 'timestamp tolerance instead of the provider\'s; 0 turns the check off', int('--tolerance', 0))
    .option('--store <dir>', 'capture store directory (default: config "store", else .hookctl)')
    .option('--no-store', 'do not store captures')
    .option('--forward-to <url>', 'relay each delivery to your app (bytes and headers unchanged) and relay its answer back')
    .option('--status <code>', 'status to answer every delivery with (default: 200)', status)
    .option('--respond <codes>', 'statuses to answer in turn, the last one repeating, e.g. 500,500,200', statusList)
    .option('--delay <ms>', 'wait this long before answering (test the sender\'s timeout)', int('--delay', 0))
    .option('--reject-invalid', 'answer 401 when verification fails, as a real receiver does')
    .option('--max-body <size>', 'largest body accepted, larger ones get 413 (default: config listen.maxBody, else 10mb)', parseSize)
    .option('--request-timeout <ms>', 'time a client has to send a whole request, else 408 (default: 30000)', int('--request-timeout', 1))
    .option('--count <n>', 'exit 0 after n deliveries (CI)', int('--count', 1))
    .option('--timeout <ms>', 'stop after ms; exit 1 if fewer than --count deliveries (or none) came', int('--timeout', 1))
    .option('--strict', 'exit 1 if any delivery failed verification')
    .option('-v, --verbose', 'print each delivery\'s headers and body')
    .addHelpText('after', `
Examples:
  $ hookctl listen
  $ hookctl listen --port 4000 --forward-to localhost:3000/webhooks
  $ hookctl listen --provider stripe --secret whsec_old --secret whsec_new --verbose
  $ hookctl listen --respond 500,500,200 --delay 200
  $ hookctl listen --reject-invalid --no-store
  $ hookctl listen --port 0 --json --count 3 --timeout 30000 --strict`)
    .action(lazy(() => import('../../commands/listen.js')));
}
