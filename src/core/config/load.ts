import { type Stats, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import { fileProblem } from '../fs-errors.js';
import { BUILTIN_PROVIDERS, DEFAULT_PROVIDER, getProvider, providerList } from '../providers/registry.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import type { CustomProvider, HookctlConfig, Settings } from './types.js';
import { firstLine, type LoadError, loadProblem, thrownText, unquoted } from './load-problem.js';
import { ALGORITHM_ALIASES, validateConfig } from './validate.js';

export interface LoadOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** --config; HOOKCTL_CONFIG otherwise; else a search from cwd up to the project root. */
  configPath?: string;
  /** --provider, which beats every other source. */
  provider?: string;
  /** Told when the process runs out of work (see Io.onIdle): a JS config that never settles is then an error. */
  onIdle?: (listener: () => void) => () => void;
}

/** defaults < config file < env < flags. */
export async function loadSettings(opts: LoadOptions): Promise<Settings> {
  const found = await readConfig(opts);
  const config = found?.config ?? {};
  const base = found ? dirname(found.file) : opts.cwd;
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const customProviders = (config.providers ?? []).map((c) => buildCustomProvider(c, found?.where ?? 'config'));
  const providers = providerList(customProviders);
  // An empty variable (`HOOKCTL_PROVIDER=`) means unset, as for HOOKCTL_SECRET.
  const [chosen, from] = opts.provider ? [opts.provider, '--provider'] : opts.env.HOOKCTL_PROVIDER ? [opts.env.HOOKCTL_PROVIDER, 'HOOKCTL_PROVIDER'] : [config.provider, found?.where ?? 'the config'];
  const provider = chosen ? namedProvider(chosen, from, customProviders) : DEFAULT_PROVIDER;
  const profile = getProvider(provider, customProviders);
  return {
    configFile: found?.file,
    config,
    provider,
    profile,
    providerExplicit: chosen !== undefined,
    providers,
    customProviders,
    fixtureDirs: (config.fixtures ?? []).map(abs),
    storeDir: config.store ? abs(config.store) : resolve(opts.cwd, '.hookctl'),
    target: config.target,
    listen: {
      host: config.listen?.host ?? '127.0.0.1',
      port: config.listen?.port ?? 4000,
      maxBody: config.listen?.maxBody ?? 10 * 1024 * 1024,
    },
    warnings: found?.warnings ?? [],
  };
}

/** The provider id, or an error that says where the unknown name came from (a flag, the env, the file). */
function namedProvider(id: string, from: string, custom: ProviderProfile[]): string {
  try {
    return getProvider(id, custom).id;
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`unknown provider "${id}" (from ${from})`, err.hint, err);
    throw err;
  }
}

async function readConfig(opts: LoadOptions): Promise<{ file: string; where: string; config: HookctlConfig; warnings: string[] } | undefined> {
  const { cosmiconfig } = await import('cosmiconfig');
  const explicit = opts.configPath ?? opts.env.HOOKCTL_CONFIG;
  let result: { filepath: string; config: unknown; isEmpty?: boolean } | null;
  // cosmiconfig reads a file whole, whatever it is: check sizes first, so /dev/zero is refused, not read forever.
  if (explicit) checkConfigFile(resolve(opts.cwd, explicit), opts.cwd);
  else checkCandidates(opts.cwd);
  try {
    // Inside the try: creating the explorer already reads package.json (for a "cosmiconfig" key).
    const load = (file: string) => importDefault(file, opts);
    const loaders = { '.js': load, '.mjs': load, '.cjs': load };
    const explorer = cosmiconfig('hookctl', { searchStrategy: 'project', searchPlaces: SEARCH_PLACES, loaders });
    result = explicit ? await explorer.load(resolve(opts.cwd, explicit)) : await explorer.search(opts.cwd);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const e = (err ?? {}) as LoadError;
    // cosmiconfig sets filepath only on errors from parsing: an ENOENT without it is the file itself missing.
    if (e.code === 'ENOENT' && !e.filepath) throw new UsageError(`config file ${explicit ?? ''} not found`, 'check --config or HOOKCTL_CONFIG', err);
    if (e.code && !e.filepath) throw new UsageError(`cannot read config file ${explicit ?? ''}: ${fileProblem(err)}`, 'point --config or HOOKCTL_CONFIG at a config file', err);
    const file = e.filepath ?? resolve(opts.cwd, explicit ?? '');
    const syntax = ['JSONError', 'YAMLException', 'SyntaxError'].includes(e.name);
    const hint = syntax ? 'fix the syntax, or point --config / HOOKCTL_CONFIG at another file' : 'fix the config module (it threw while loading), or point --config / HOOKCTL_CONFIG at another file';
    throw new UsageError(`config file ${shown(file, opts.cwd)} ${loadProblem(e, file)}`, hint, err);
  }
  if (!result || result.isEmpty) return undefined;
  const inPackage = basename(result.filepath) === 'package.json' ? ' ("hookctl" key)' : '';
  const where = `config file ${shown(result.filepath, opts.cwd)}${inPackage}`;
  try {
    return { file: result.filepath, where, ...validateConfig(result.config, where) };
  } catch (err) {
    // A JS config is code: a property getter can throw while it is read.
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${where} failed to load: ${unquoted(firstLine(thrownText(err)))}`, 'fix the config module: reading its exported settings threw', err);
  }
}

// cosmiconfig retries a failed import() with require(), which on Node >= 20.19 replaces an .mjs syntax
// error with an internal assertion about require(esm); import() alone reports the real problem.
// A module that throws something other than an Error is wrapped, so the message says what it threw.
// One whose top-level await never settles would leave the process with nothing to do: it would end,
// exit 0, with the command never run; `onIdle` turns that moment into an error.
function importDefault(file: string, opts: LoadOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const unsubscribe = opts.onIdle?.(() =>
      reject(
        new UsageError(
          `config file ${shown(file, opts.cwd)} did not finish loading`,
          'its top-level await never settles: make the module export its settings without waiting on something that never comes',
        ),
      ),
    );
    import(pathToFileURL(file).href)
      .then(
        (m: { default?: unknown }) => resolve(m.default),
        (err: unknown) => reject(err instanceof Error ? err : new Error(thrownText(err))),
      )
      .finally(() => unsubscribe?.());
  });
}

/** The path as the user would type it from where they are; absolute when outside. */
function shown(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** A config file is small: anything bigger is a mistake (or a device), refused before reading. */
const CONFIG_CAP = 1024 * 1024;

function checkConfigFile(file: string, cwd: string): void {
  let st: Stats;
  try {
    st = statSync(file);
  } catch {
    return; // missing or unreadable: cosmiconfig says so in its own words
  }
  if (st.isDirectory()) return;
  if (!st.isFile()) throw new UsageError(`config file ${shown(file, cwd)} is not a regular file`, 'point --config or HOOKCTL_CONFIG at a config file');
  if (st.size > CONFIG_CAP) throw new UsageError(`config file ${shown(file, cwd)} is larger than ${CONFIG_CAP} bytes`, 'a config file is small: point --config or HOOKCTL_CONFIG at the right one');
}

/** Checks the files cosmiconfig's project search would try: each place, from cwd up to the directory with package.json. */
function checkCandidates(cwd: string): void {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const place of SEARCH_PLACES) checkConfigFile(resolve(dir, place), cwd);
    if (isFile(resolve(dir, 'package.json')) || dirname(dir) === dir) return;
  }
}

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const SEARCH_PLACES = [
  'package.json',
  '.hookctlrc',
  '.hookctlrc.json',
  '.hookctlrc.yaml',
  '.hookctlrc.yml',
  'hookctl.config.js',
  'hookctl.config.mjs',
  'hookctl.config.cjs',
  'hookctl.config.json',
  'hookctl.config.yaml',
  'hookctl.config.yml',
];

const CUSTOM_DEFAULTS: Omit<ProviderProfile, 'id' | 'name' | 'scheme'> = {
  request: { method: 'POST', path: '/webhook', contentType: 'application/json' },
  events: [],
  devSecret: 'hookctl_dev_secret',
  delivery: { timeoutMs: 10_000, retryDelaysSec: [], retryOn: ['5xx'], retryOnTimeout: true },
};

/** A custom provider: the built-in it extends (or plain defaults), overridden section by section. */
export function buildCustomProvider(c: CustomProvider, where: string): ProviderProfile {
  const base: Partial<ProviderProfile> = c.extends ? getProvider(c.extends, BUILTIN_PROVIDERS) : CUSTOM_DEFAULTS;
  // `hmac-sha256` and friends are the HMACs' other names.
  const scheme = c.scheme
    ? { ...c.scheme, signatures: c.scheme.signatures.map((sp) => ({ ...sp, algorithm: (ALGORITHM_ALIASES[sp.algorithm] ?? sp.algorithm) as typeof sp.algorithm })) }
    : base.scheme;
  if (!scheme) throw new UsageError(`${where}: provider "${c.id}" has no scheme`, 'add "scheme" or "extends": "<built-in id>"');
  const { extends: parent, ...own } = c;
  return {
    ...CUSTOM_DEFAULTS,
    ...base,
    ...own,
    name: c.name ?? c.id,
    scheme,
    request: { ...CUSTOM_DEFAULTS.request, ...base.request, ...c.request },
    delivery: { ...CUSTOM_DEFAULTS.delivery, ...base.delivery, ...c.delivery },
    // `extends` keeps the parent's events; the config's add to them, a same-named one replacing the parent's.
    events: mergeEvents(base.events ?? [], c.events ?? []),
    ...(parent ? { base: getProvider(parent, BUILTIN_PROVIDERS).id } : {}),
    fixtures: c.fixtures ?? (parent ? (base.fixtures ?? parent) : undefined),
  };
}

function mergeEvents(parent: readonly EventSpec[], own: readonly EventSpec[]): EventSpec[] {
  const names = new Set(own.map((e) => e.name));
  return [...parent.filter((e) => !names.has(e.name)), ...own];
}

/** The capture store: `--store` (relative to the working directory), else the config's, else `.hookctl/`. */
export function storeDirFor(settings: Pick<Settings, 'storeDir'>, flag: string | undefined, cwd: string): string {
  return flag ? resolve(cwd, flag) : settings.storeDir;
}
