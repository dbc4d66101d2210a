import { dirname, isAbsolute, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { BUILTIN_PROVIDERS, DEFAULT_PROVIDER, getProvider, providerList } from '../providers/registry.js';
import type { ProviderProfile } from '../providers/types.js';
import type { CustomProvider, HookctlConfig, Settings } from './types.js';
import { validateConfig } from './validate.js';

export interface LoadOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** --config; HOOKCTL_CONFIG otherwise; else a search from cwd up to the project root. */
  configPath?: string;
  /** --provider, which beats every other source. */
  provider?: string;
}

/** defaults < config file < env < flags. */
export async function loadSettings(opts: LoadOptions): Promise<Settings> {
  const found = await readConfig(opts);
  const config = found?.config ?? {};
  const base = found ? dirname(found.file) : opts.cwd;
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const customProviders = (config.providers ?? []).map((c) => buildCustomProvider(c, found?.file ?? 'config'));
  const providers = providerList(customProviders);
  // An empty variable (`HOOKCTL_PROVIDER=`) means unset, as for HOOKCTL_SECRET.
  const chosen = opts.provider ?? (opts.env.HOOKCTL_PROVIDER || undefined) ?? config.provider;
  const provider = chosen ? getProvider(chosen, customProviders).id : DEFAULT_PROVIDER;
  return {
    configFile: found?.file,
    config,
    provider,
    providerExplicit: chosen !== undefined,
    providers,
    customProviders,
    fixtureDirs: (config.fixtures ?? []).map(abs),
    storeDir: config.store ? abs(config.store) : resolve(opts.cwd, '.hookctl'),
    target: config.target,
  };
}

async function readConfig(opts: LoadOptions): Promise<{ file: string; config: HookctlConfig } | undefined> {
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('hookctl', { searchStrategy: 'project', searchPlaces: SEARCH_PLACES });
  const explicit = opts.configPath ?? opts.env.HOOKCTL_CONFIG;
  let result: { filepath: string; config: unknown; isEmpty?: boolean } | null;
  try {
    result = explicit ? await explorer.load(resolve(opts.cwd, explicit)) : await explorer.search(opts.cwd);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { filepath?: string };
    if (e.code === 'ENOENT') throw new UsageError(`config file ${explicit ?? ''} not found`, 'check --config or HOOKCTL_CONFIG', err);
    throw new UsageError(`cannot read config ${e.filepath ?? explicit ?? ''}: ${firstLine(e.message)}`, 'fix the syntax of the config file', err);
  }
  if (!result || result.isEmpty) return undefined;
  return { file: result.filepath, config: validateConfig(result.config, result.filepath) };
}

const SEARCH_PLACES = [
  'package.json', '.hookctlrc', '.hookctlrc.json', '.hookctlrc.yaml', '.hookctlrc.yml',
  'hookctl.config.js', 'hookctl.config.mjs', 'hookctl.config.cjs', 'hookctl.config.json', 'hookctl.config.yaml', 'hookctl.config.yml',
];

const CUSTOM_DEFAULTS: Omit<ProviderProfile, 'id' | 'name' | 'scheme'> = {
  request: { method: 'POST', path: '/webhook', contentType: 'application/json' },
  events: [],
  devSecret: 'hookctl_dev_secret',
  delivery: { timeoutMs: 10_000, retryDelaysSec: [], retryOn: ['5xx'], retryOnTimeout: true },
};

/** A custom provider: the built-in it extends (or plain defaults), overridden section by section. */
export function buildCustomProvider(c: CustomProvider, file: string): ProviderProfile {
  const base: Partial<ProviderProfile> = c.extends ? getProvider(c.extends, BUILTIN_PROVIDERS) : CUSTOM_DEFAULTS;
  const scheme = c.scheme ?? base.scheme;
  if (!scheme) throw new UsageError(`${file}: provider "${c.id}" has no scheme`, 'add "scheme" or "extends": "<built-in id>"');
  const { extends: parent, ...own } = c;
  return {
    ...CUSTOM_DEFAULTS,
    ...base,
    ...own,
    name: c.name ?? c.id,
    scheme,
    request: { ...CUSTOM_DEFAULTS.request, ...base.request, ...c.request },
    delivery: { ...CUSTOM_DEFAULTS.delivery, ...base.delivery, ...c.delivery },
    events: c.events ?? base.events ?? [],
    fixtures: c.fixtures ?? (parent ? base.fixtures ?? parent : undefined),
  };
}

/** Secrets for a provider: flags > HOOKCTL_SECRET > config > the documented dev secret. */
export function secretsFor(
  profile: ProviderProfile, settings: Pick<Settings, 'config'>, env: NodeJS.ProcessEnv, flags: readonly string[] = [],
): { secrets: string[]; source: 'flag' | 'env' | 'config' | 'dev' } {
  if (flags.length) return { secrets: [...flags], source: 'flag' };
  if (env.HOOKCTL_SECRET) return { secrets: [env.HOOKCTL_SECRET], source: 'env' };
  const fromConfig = settings.config.secrets?.[profile.id];
  if (fromConfig) return { secrets: Array.isArray(fromConfig) ? fromConfig : [fromConfig], source: 'config' };
  return { secrets: [profile.devSecret], source: 'dev' };
}

const firstLine = (s: string) => s.split('\n')[0] ?? s;
