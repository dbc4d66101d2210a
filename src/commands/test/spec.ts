import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';
import { collect, list, milliseconds } from '../shared/parsers.js';

export function declareTest(program: Command) {
  return program
    .command('test')
    .description('run a receiver conformance suite: valid events, bad and stale signatures, duplicates, retries, large bodies, response time')
    .option('-t, --to <url>', 'the receiver (localhost:3000, :3000/webhooks, a full URL); default: config "target"')
    .option('-p, --provider <id>', 'provider whose deliveries to simulate')
    .option('-s, --secret <secret>', 'signing secret (repeatable; the first signs)', collect)
    .option('--only <scenarios>', 'run only these scenarios (comma-separated; "events" for every event, "handshakes" for the endpoint checks)', list)
    .option('--skip <scenarios>', 'skip these scenarios (comma-separated)', list)
    .option('--fixtures <dir>', 'your fixtures directory (<provider>/<event>.json): its events are tested too')
    .option('--set <path=value>', "change a key of every delivery's payload (repeatable)", collect)
    .option('--add <path=value>', "create a key in every delivery's payload (repeatable)", collect)
    .option('--remove <path>', "delete a key of every delivery's payload (repeatable)", collect)
    .option('--junit <file>', 'also write a JUnit XML report (GitHub Actions, GitLab, Jenkins)')
    .option('--allow-inconclusive', 'exit 0 when refusals are inconclusive (the route refused the valid baseline too)')
    .option('--insecure', "accept the receiver's self-signed TLS certificate")
    .option('--slow <ms>', 'warn when a 2xx takes longer than this', milliseconds('--slow', { min: 1, example: 1000 }), 1000)
    .option('--timeout <ms>', "the response-time limit (default: the provider's timeout)", milliseconds('--timeout', { min: 1, example: 5000 }))
    .addHelpText(
      'after',
      `
Scenarios: handshake:<name> (the provider's endpoint check, run first: answered as the provider
requires), event:<name> (each event, valid: 2xx), invalid-signature, wrong-secret, missing-signature,
malformed-signature, stale-timestamp, future-timestamp, missing-timestamp (4xx, never 5xx),
tampered-body (4xx), reserialized-body (2xx: the raw bytes are verified, not re-serialized JSON),
duplicate and retry (2xx), large-payload (not 5xx), response-time.
A refusal counts only when the same route accepted a valid delivery in the run (sent first as the
baseline); otherwise the scenario is inconclusive (exit 1 unless --allow-inconclusive). 404, 405 and 501
are never a refusal: they say "route not found". Without --provider, a path naming a provider
(:3000/webhooks/stripe) chooses it.
Expected statuses can be set per scenario in the config: { "expect": { "invalidSignature": [401, 403] } }.

Examples:
  $ hookctl test --to localhost:3000/webhooks/transcodely
  $ hookctl test --to :3000/webhooks --provider stripe --secret whsec_test --junit junit.xml
  $ hookctl test --to :3000 --only invalid-signature,stale-timestamp --json`,
    );
}

export type TestOptions = OptionsOf<ReturnType<typeof declareTest>>;
