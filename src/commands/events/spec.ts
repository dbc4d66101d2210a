import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';

/** `events`, and `events import` under it. */
export function declareEvents(program: Command) {
  const events = program
    .command('events')
    .description('list the events each provider can send: built-in catalogues and your own fixtures')
    .argument('[provider]', 'only this provider (same as --provider)')
    .option('-p, --provider <id>', 'only this provider')
    .option('--search <text>', 'only events whose name or description holds every word')
    .option('--fixtures <dir>', 'your fixtures directory (<provider>/<event>.json), listed as yours')
    .option('--names', 'print bare provider/event names, one a line (for scripts and completion)')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl events stripe
  $ hookctl events stripe --search "payment failed"
  $ hookctl events --provider github --search pull_request
  $ hookctl events --json
  $ hookctl events github --names | grep pull_request

Import an OpenAPI description's webhooks: hookctl events import --help`,
    );
  const importer = events
    .command('import')
    .description('write a fixture template for every webhook of an OpenAPI 3.1 document')
    .argument('<file>', 'the OpenAPI document (JSON or YAML)')
    .option('-p, --provider <id>', 'the provider the events belong to (built-in or custom): the folder under --out')
    .option('-o, --out <dir>', 'the fixtures directory to write into (default: the first in the config, else ./fixtures)')
    .option('--force', 'overwrite fixture files that exist')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl events import node_modules/@octokit/openapi-webhooks/generated/api.github.com.json --provider github --out my-fixtures
  $ hookctl events import openapi.yaml --provider acme`,
    );
  return { events, importer };
}

type Declared = ReturnType<typeof declareEvents>;
export type EventsOptions = OptionsOf<Declared['events']>;
export type ImportOptions = OptionsOf<Declared['importer']>;
