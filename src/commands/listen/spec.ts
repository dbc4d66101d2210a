import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';
import { byteSize, collect, COUNT, milliseconds, seconds, statusCode, statusList, TOLERANCE, wholeNumber } from '../shared/parsers.js';

export function declareListen(program: Command) {
  return program
    .command('listen')
    .description('run a local capture server: verify each delivery, print it, store it byte-exact, forward it to your app')
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one (default: config listen.port, else 4000)', wholeNumber('--port', { min: 0, max: 65535, example: 4000 }))
    .option('--host <host>', 'address to bind (default: config listen.host, else 127.0.0.1)')
    .option('--provider <id>', "verify every request as this provider (default: detected from each request's headers)")
    .option('-s, --secret <secret>', 'signing secret; repeat for rotation, the output says which matched (default: HOOKCTL_SECRET, config, dev secret)', collect)
    .option('--tolerance <seconds>', "timestamp tolerance instead of the provider's; 0 turns the check off", seconds('--tolerance', TOLERANCE))
    .option('--store <dir>', 'capture store directory (default: config "store", else .hookctl)')
    .option('--no-store', 'do not store captures')
    .option('--forward-to <url>', "relay each delivery to your app and its answer back: host:port keeps each delivery's path, a URL with a path sends every delivery to that path")
    .option('--insecure', "with --forward-to: accept your app's self-signed TLS certificate")
    .option('--status <code>', 'status to answer every delivery with (default: 200)', statusCode('--status'))
    .option('--respond <codes>', 'statuses to answer in turn, the last one repeating, e.g. 500,500,200', statusList('--respond'))
    .option('--delay <ms>', "wait this long before answering (test the sender's timeout)", milliseconds('--delay', { min: 0, example: 200 }))
    .option('--reject-invalid', 'answer 401 when verification fails, as a real receiver does')
    .option('--no-handshake', "don't answer providers' endpoint checks (Zoom url_validation, Meta hub.challenge, Slack url_verification): capture them like any delivery")
    .option('--max-body <size>', 'largest body accepted, larger ones get 413 (default: config listen.maxBody, else 10mb)', byteSize('--max-body'))
    .option('--request-timeout <ms>', 'time a client has to send a whole request, else 408 (default: 30000)', milliseconds('--request-timeout', { min: 1, example: 30000 }))
    .option('--count <n>', 'exit 0 after n deliveries (CI)', wholeNumber('--count', { ...COUNT, example: 3 }))
    .option('--timeout <ms>', 'stop after ms; exit 1 if fewer than --count deliveries (or none) came', milliseconds('--timeout', { min: 1, example: 30000 }))
    .option('--strict', 'exit 1 if any delivery failed verification')
    .option('--no-ui', 'do not serve the web inspector at /_hookctl/ (requests there are then captured)')
    .option('-v, --verbose', "print each delivery's headers and body")
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl listen
  $ hookctl listen --port 4000 --forward-to localhost:3000
  $ hookctl listen --provider stripe --secret whsec_old --secret whsec_new --verbose
  $ hookctl listen --respond 500,500,200 --delay 200
  $ hookctl listen --reject-invalid --no-store
  $ hookctl listen --port 0 --json --count 3 --timeout 30000 --strict`,
    );
}

export type ListenOptions = OptionsOf<ReturnType<typeof declareListen>>;
