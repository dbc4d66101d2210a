import type { Command } from 'commander';
import type { Lazy } from '../../commands/shared/context.js';

export function registerKeys(program: Command, lazy: Lazy): Command {
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
  keys
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
    )
    .action(lazy(() => import('../../commands/keys.js')));
  return keys;
}
