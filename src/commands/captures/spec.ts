import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { UsageError } from '../../core/errors.js';
import { EXPORT_FORMATS } from '../../core/captures/export-formats.js';
import { nearest } from '../../core/text/nearest.js';
import type { AnyCommand, OptionsOf } from '../shared/context.js';
import { COUNT, wholeNumber } from '../shared/parsers.js';

const STORE = ['--store <dir>', "the capture store (default: the config's store, else .hookctl/)"] as const;

function filters<A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) {
  return cmd
    .option('-p, --provider <id>', 'only captures from this provider')
    .option('-e, --event <name>', 'only this event')
    .option('--failed', 'only captures whose signature failed verification')
    .option('--since <when>', 'only captures received since then: 30s, 10m, 2h, 1d, or an ISO date');
}

/** `captures`, its subcommands under it; `list` is the default. */
export function declareCaptures(program: Command) {
  const captures = program
    .command('captures')
    .description('list, show, export and clear the requests `hookctl listen` captured')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl captures
  $ hookctl captures list --provider stripe --since 10m
  $ hookctl captures list --failed --json
  $ hookctl captures show last
  $ hookctl captures export --format har > captures.har
  $ hookctl captures clear --yes
  $ hookctl captures tail --json`,
    );
  return { captures, list: declareList(captures), show: declareShow(captures), exporter: declareExport(captures), clear: declareClear(captures), tail: declareTail(captures) };
}

function declareList(captures: Command) {
  return (
    filters(captures.command('list', { isDefault: true }).description('list captures, newest first'))
      .option(...STORE)
      .option('-n, --limit <n>', 'at most this many', wholeNumber('--limit', { ...COUNT, example: 20 }))
      // `captures <word>` reaches the default command with the word as an argument: say it is not a
      // subcommand (commander would say "too many arguments for 'list'").
      .allowExcessArguments(true)
      .hook('preAction', (cmd) => rejectStrayWords(cmd))
      .addHelpText(
        'after',
        `
Examples:
  $ hookctl captures list
  $ hookctl captures list --event job.completed --since 1h --json`,
      )
  );
}

function declareShow(captures: Command) {
  return captures
    .command('show')
    .description('show one capture in full: metadata, headers in arrival order, body')
    .argument('<id>', 'a capture id, a unique prefix of one, or `last`')
    .option('--raw', 'print only the request, byte for byte (pipe it to `hookctl verify -`)')
    .option(...STORE)
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl captures show last
  $ hookctl captures show last --raw | hookctl verify -
  $ hookctl captures show last --json`,
    );
}

function declareExport(captures: Command) {
  return filters(captures.command('export').description('export captures as NDJSON (capture records), a HAR file, or curl commands'))
    .argument('[ids...]', 'captures to export (default: all, after the filters)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('ndjson' as const))
    .option('--to <url>', 'send the curl commands (and HAR URLs) here instead of the captured Host')
    .option(...STORE)
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl captures export > captures.ndjson
  $ hookctl captures export --format har > captures.har
  $ hookctl captures export last --format curl --to localhost:3000`,
    );
}

function declareClear(captures: Command) {
  return captures
    .command('clear')
    .description('delete every capture (asks first; --yes in scripts)')
    .option('-y, --yes', 'do not ask')
    .option(...STORE)
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl captures clear
  $ hookctl captures clear --yes`,
    );
}

function declareTail(captures: Command) {
  return captures
    .command('tail')
    .description('follow new captures as a running `hookctl listen` stores them (Ctrl-C to stop)')
    .option(...STORE)
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl captures tail
  $ hookctl captures tail --json --store ./ci-captures`,
    );
}

type Declared = ReturnType<typeof declareCaptures>;
export type ListOptions = OptionsOf<Declared['list']>;
export type ShowOptions = OptionsOf<Declared['show']>;
export type ExportOptions = OptionsOf<Declared['exporter']>;
export type ClearOptions = OptionsOf<Declared['clear']>;
export type TailOptions = OptionsOf<Declared['tail']>;

const SUBCOMMANDS = ['list', 'show', 'export', 'clear', 'tail'] as const;

/** `list` takes no arguments; a word that reached it is an unknown subcommand, or a misplaced one. */
function rejectStrayWords(list: AnyCommand): void {
  // `captures list ...` names list; `captures ...` (no word, or options first) reaches it as the default.
  const named = list.parent?.args[0] === 'list';
  let words = list.args;
  if (!named && words[0] === 'list') words = words.slice(1); // `captures --store d list`
  if (words.length === 0) return;
  const [word] = words as [string, ...string[]];
  if (named) throw new UsageError(`captures list takes no arguments (got "${word}")`, 'filter with its options: hookctl captures list --help');
  if ((SUBCOMMANDS as readonly string[]).includes(word)) {
    throw new UsageError(`"${word}" must come before the options: hookctl captures ${word} [options]`, `run hookctl captures ${word} --help`);
  }
  const near = nearest(word, SUBCOMMANDS);
  throw new UsageError(`unknown captures subcommand "${word}": it is one of ${SUBCOMMANDS.join(', ')}`, near ? `did you mean hookctl captures ${near}?` : 'run hookctl captures --help');
}
