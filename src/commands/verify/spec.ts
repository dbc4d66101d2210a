import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';
import { byteSize, collect, instant, seconds, TOLERANCE } from '../shared/parsers.js';

export function declareVerify(program: Command) {
  return program
    .command('verify')
    .description("check a captured or saved request's signature and, when it fails, say why")
    .argument('[capture]', 'a capture id (or unique prefix), `last`, a capture file, a raw HTTP request file, or `-` for a raw request on stdin')
    .option('-p, --provider <id>', 'the provider whose scheme to check (default: detected from the headers)')
    .option('-s, --secret <secret>', 'a secret to try; repeat for rotation (default: HOOKCTL_SECRET_<PROVIDER>, HOOKCTL_SECRET, the config, the dev secret)', collect)
    .option('--tolerance <sec>', 'timestamp tolerance in seconds, both bounds the scheme has; 0 turns the check off', seconds('--tolerance', TOLERANCE))
    .option('--now', "judge the timestamp against the clock, not the capture's receive time")
    .option('--at <time>', 'judge the timestamp as of this instant (ISO date or Unix seconds)', instant('--at'))
    .option('--body <file>', 'ad hoc: verify this body file (`-` for stdin) with the --header values')
    .option('-H, --header <line>', "ad hoc: a request header, 'Name: value'; repeatable", collect)
    .option('--max-input <size>', "largest file or stdin input read (default: twice the config's listen.maxBody, 20mb)", byteSize('--max-input', '100mb'))
    .option('--store <dir>', "the capture store (default: the config's store, else .hookctl/)")
    .addHelpText(
      'after',
      `
A stored capture is judged as of the moment it was received (yesterday's good delivery stays valid);
--now or --at judge it at another instant. Raw request files and --body have no receive time: the clock.
Exit status: 0 valid, 1 invalid (with a diagnosis), 2 bad input (unknown id, unreadable file).

Examples:
  $ hookctl verify last
  $ hookctl verify last --secret whsec_old --secret whsec_new
  $ hookctl verify last --provider transcodely --tolerance 0 --json
  $ hookctl captures show last --raw | hookctl verify -
  $ hookctl captures export > captures.ndjson && hookctl verify captures.ndjson
  $ printf 'Hello, World!' > body.txt && hookctl verify --body body.txt --secret "It's a Secret to Everybody" -H 'X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'`,
    );
}

export type VerifyOptions = OptionsOf<ReturnType<typeof declareVerify>>;
