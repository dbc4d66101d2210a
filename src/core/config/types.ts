import type { ProviderProfile } from '../providers/types.js';

/** The config file's shape (package.json "hookctl", .hookctlrc, hookctl.config.*). See docs/configuration.md. */
export interface HookctlConfig {
  /** Default provider for bare event names. */
  provider?: string;
  /**
   * Secrets per provider id; a list means rotation (any may match, the first signs). For asymmetric
   * schemes an entry may be a key pair: hookctl signs with `privateKey` and verifies with `publicKey`
   * (derived from the private key when absent). A bare string is used as given, in both directions.
   */
  secrets?: Record<string, SecretEntry | SecretEntry[]>;
  /**
   * The token a provider's endpoint check carries where it is not the secret, per provider id: Meta's
   * `hub.verify_token` is the secret unless one is given here (or in HOOKCTL_VERIFY_TOKEN_META).
   */
  verifyTokens?: Record<string, string>;
  /** Default target for send/replay/test. */
  target?: string;
  listen?: { port?: number; host?: string; maxBody?: number };
  /** Capture store directory (relative to the config file). */
  store?: string;
  /** Extra fixture directories, searched before the built-ins (relative to the config file). */
  fixtures?: string[];
  /** Custom providers; `extends` starts from a built-in. */
  providers?: CustomProvider[];
  /** Expected statuses per conformance scenario, e.g. { invalidSignature: [400, 401, 403] }. */
  expect?: Record<string, number[]>;
}

export type SecretEntry = string | { privateKey?: string; publicKey?: string };

export type CustomProvider = Partial<ProviderProfile> & { id: string; extends?: string };

/** Config merged with env and defaults: what commands work from. */
export interface Settings {
  configFile?: string;
  config: HookctlConfig;
  /** Default provider id: flags > HOOKCTL_PROVIDER > config > built-in default. */
  provider: string;
  /** The default provider's profile, resolved once (commands never look it up again). */
  profile: ProviderProfile;
  /** Whether `provider` was chosen explicitly (not the built-in default). */
  providerExplicit: boolean;
  providers: ProviderProfile[];
  customProviders: ProviderProfile[];
  fixtureDirs: string[];
  storeDir: string;
  target?: string;
  /** `listen`'s defaults, the config's values over the built-in ones (flags override them). */
  listen: { host: string; port: number; maxBody: number };
  /** Problems in the config file that do not stop a command, e.g. secrets for an unknown provider; one line each. */
  warnings: string[];
}
