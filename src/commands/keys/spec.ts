import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';

/** `keys`, and `keys generate` under it. */
export function declareKeys(program: Command) {
  const keys = program
    .command('keys')
    .description('make key pairs for providers that sign with a private key (Ed25519, ECDSA)')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl keys generate --provider discord
  $ hookctl keys generate --provider sendgrid --json`,
    );
  const generate = keys
    .command('generate')
    .description("print a fresh key pair in the provider's formats: the private key for hookctl, the public key for the receiver")
    .option('-p, --provider <id>', 'the provider (default: the configured one)')
    .addHelpText(
      'after',
      `
The private key signs (hookctl send, replay --resign, test); the public key is what the receiver
is configured with. Put both in the config as secrets.<provider>: { "privateKey", "publicKey" }.

Examples:
  $ hookctl keys generate --provider discord
  $ hookctl keys generate --provider standard-webhooks --json
  $ hookctl keys generate -p sendgrid --json | jq -r .publicKey`,
    );
  return { keys, generate };
}

export type GenerateOptions = OptionsOf<ReturnType<typeof declareKeys>['generate']>;
