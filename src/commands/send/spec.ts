import { Option, type Command } from '@commander-js/extra-typings';
import { SIGNATURE_MODES } from '../../core/delivery/types.js';
import { BODY_FORMATS } from '../../core/templates/serialize.js';
import type { OptionsOf } from '../shared/context.js';
import { byteSize, collect, CONCURRENCY, COUNT, decimal, milliseconds, unixSeconds, wholeNumber } from '../shared/parsers.js';

export function declareSend(program: Command) {
  return program
    .command('send')
    .description('send a signed delivery of an event, exactly as the provider sends it, and show the answer')
    .argument('[event]', 'event name: job.completed, or provider/event like stripe/invoice.paid (hookctl events lists them)')
    .option('-p, --provider <id>', 'provider for bare event names (default: config, HOOKCTL_PROVIDER, else transcodely)')
    .option('-t, --to <url>', "target: localhost:3000, :3000, 3000 or a full URL (no path: the provider's default path)")
    .option('-s, --secret <secret>', 'signing secret (default: HOOKCTL_SECRET_<PROVIDER>, HOOKCTL_SECRET, the config, else the documented dev secret)')
    .option('--all', 'send every event of the provider in turn')
    .option('--set <path=value>', 'change a key of the payload: dotted path (list items by index), JSON-typed value (repeatable)', collect)
    .option('--add <path=value>', 'create a key (error if it exists); on a list, index = its length appends (repeatable)', collect)
    .option('--remove <path>', 'delete a key or list item (repeatable); edits apply --remove, --set, then --add', collect)
    .option('-d, --data <json|@file>', 'the payload, sent byte for byte (@file reads a file, @- stdin)')
    .option('--max-input <size>', "largest --data @file read (default: twice the config's listen.maxBody, 20mb)", byteSize('--max-input', '100mb'))
    .option('--fixture <file>', 'a fixture template to render instead of the built-in one')
    .option('--fixtures <dir>', 'your fixtures directory (<provider>/<event>.json): adds events, overrides same-named ones')
    .option('-H, --header <"Name: value">', "extra or replaced header; 'Name:' removes one (repeatable)", collect)
    .option('--timestamp <unix>', 'sign with this Unix time (seconds) instead of now', unixSeconds('--timestamp'))
    .addOption(new Option('--signature <mode>', 'send a broken signature on purpose (without --expect, ✔ means it was refused)').choices(SIGNATURE_MODES).default('valid'))
    .addOption(
      new Option('--body-format <layout>', "lay the JSON out another way: reserialize sends bytes a receiver that re-serializes JSON cannot verify (default: the provider's own)").choices(
        BODY_FORMATS,
      ),
    )
    .option('--batch <n>', 'an array body (sendgrid) grown to n events, each with fresh ids, as the provider batches them', wholeNumber('--batch', { min: 1, max: 10_000, example: 50 }))
    .option('--retry', "follow the provider's retry policy until a 2xx (same delivery id on every attempt)")
    .option('--time-scale <factor>', 'compress retry delays: 0.001 turns 30 min into 1.8 s', decimal('--time-scale', { min: 0, max: 1000, example: 0.001 }), 1)
    .option('--duplicate <n>', 'send the identical delivery n times (same id, same signature)', wholeNumber('--duplicate', { min: 1, max: 1000, example: 3 }), 1)
    .option('-n, --count <n>', 'send n deliveries, each with fresh ids, and print a summary', wholeNumber('--count', { ...COUNT, example: 100 }), 1)
    .option('-c, --concurrency <n>', 'deliveries in flight at once during a burst', wholeNumber('--concurrency', { ...CONCURRENCY, example: 50 }), 10)
    .option('--expect <status>', 'exit 1 unless every response matches: 2xx, rejected (a 4xx other than 404/405), 5xx, 401 or a list 400,401')
    .option('--insecure', "accept the receiver's self-signed TLS certificate")
    .option('--timeout <ms>', "give up on a response after this long (default: the provider's timeout)", milliseconds('--timeout', { min: 1, example: 5000 }))
    .option('--dry-run', 'print the signed request without sending it')
    .option('--curl', 'print a curl command that sends the same request byte for byte (nothing is sent)')
    .option('-v, --verbose', 'show request and response headers and bodies')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl send job.completed --to localhost:3000
  $ hookctl send stripe/invoice.paid --to :3000/webhooks/stripe --secret whsec_test_123 --header 'X-Trace: 42'
  $ hookctl send job.failed --to localhost:3000 --set job.progress=80 --set job.error.message='disk full' --verbose
  $ hookctl send job.completed --to localhost:3000 --signature stale --expect rejected
  $ hookctl send job.completed --to localhost:3000 --body-format reserialize --expect 2xx
  $ hookctl send sendgrid/delivered --to localhost:3000 --batch 50
  $ hookctl send job.completed --to localhost:3000 --retry --time-scale 0.001
  $ hookctl send --all --provider download-api --to localhost:3000 --expect 2xx
  $ hookctl send job.completed --to localhost:3000 --count 1000 --concurrency 50
  $ hookctl send job.completed --to localhost:3000 --json
  $ hookctl send job.completed --to localhost:3000 --curl

404, 405 and 501 never count as a rejection: they mean the route was not found.
Exit codes: 0 sent (whatever the status, unless --expect), 1 --expect not met,
2 bad input, 3 network failure (refused, DNS, timeout).`,
    );
}

export type SendOptions = OptionsOf<ReturnType<typeof declareSend>>;
