import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';
import { byteSize, collect, CONCURRENCY, milliseconds, wholeNumber } from '../shared/parsers.js';

export function declareReplay(program: Command) {
  return program
    .command('replay')
    .description('send captured requests again: the exact bytes and headers, or re-signed with a fresh timestamp')
    .argument('[captures...]', 'capture ids (or unique prefixes), `last`, capture files, or raw HTTP request files')
    .option('-t, --to <url>', "where to send them: localhost:3000 (keeps each capture's path), :3000/hooks, a full URL (default: the config's target)")
    .option('--all', 'every capture in the store (oldest first), after the filters')
    .option('--since <when>', 'captures received since then: 30s, 10m, 2h, 1d, or an ISO date')
    .option('-p, --provider <id>', "the scheme to re-sign with (default: detected from the headers); with --all/--since, only this provider's captures")
    .option('-e, --event <name>', 'with --all/--since: only this event')
    .option('--failed', 'with --all/--since: only captures that failed verification')
    .option('--resign', 'refresh the timestamp, delivery id and message id, and sign again (a timestamped scheme rejects old captures otherwise)')
    .option('--set <path=value>', 'change a key of the JSON body before re-signing (dotted path, list items by index, JSON-typed value); repeatable', collect)
    .option('--add <path=value>', 'create a key in the JSON body (error if it exists); repeatable', collect)
    .option('--remove <path>', 'delete a key or list item of the JSON body; repeatable', collect)
    .option('-s, --secret <secret>', 'the secret to re-sign with (default: HOOKCTL_SECRET_<PROVIDER>, HOOKCTL_SECRET, the config, the dev secret); repeatable, the first signs', collect)
    .option('--expect <status>', 'exit 1 unless every response matches: 2xx, rejected (a 4xx other than 404/405), 401, or a list like 400,401')
    .option('--insecure', "accept the receiver's self-signed TLS certificate")
    .option('-c, --concurrency <n>', 'requests in flight at once', wholeNumber('--concurrency', { ...CONCURRENCY, example: 4 }), 1)
    .option('--delay <ms>', 'wait between the starts of two requests', milliseconds('--delay', { min: 0, example: 250 }), 0)
    .option('--timeout <ms>', "give up on a response after this long (default: the provider's timeout)", milliseconds('--timeout', { min: 1, example: 5000 }))
    .option('--max-input <size>', "largest file or stdin input read (default: twice the config's listen.maxBody, 20mb)", byteSize('--max-input', '100mb'))
    .option('--store <dir>', "the capture store (default: the config's store, else .hookctl/)")
    .addHelpText(
      'after',
      `
Exit status: 0 sent, 1 --expect not met, 2 bad input (unknown id, unreadable file), 3 network failure.

Examples:
  $ hookctl replay last --to localhost:3000
  $ hookctl replay last --to localhost:3000 --resign
  $ hookctl replay last --to localhost:3000 --resign --set job.status=failed
  $ hookctl replay --since 10m --to localhost:3000 --resign --expect 2xx --json
  $ hookctl replay --all --provider stripe --to :3000/webhooks/stripe --resign --concurrency 4`,
    );
}

export type ReplayOptions = OptionsOf<ReturnType<typeof declareReplay>>;
