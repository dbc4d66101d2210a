import { secretEnvName } from '../../core/config/secret-sources.js';
import type { Handler } from '../shared/context.js';
import { UsageError } from '../../core/errors.js';
import { getProvider } from '../../core/providers/registry.js';
import { type AsymmetricAlgorithm, generateKeys, isAsymmetric, keySpecOf } from '../../core/signing/index.js';
import type { GenerateOptions } from './spec.js';

const ALGORITHM_NAMES: Record<AsymmetricAlgorithm, string> = { ed25519: 'Ed25519', 'ecdsa-p256-sha256': 'ECDSA P-256 / SHA-256', 'jwt-es256': 'ECDSA P-256 for ES256 JWTs' };

/** `hookctl keys generate`: a fresh pair in the provider's own key formats (signing makes it; this prints it). */
const generate: Handler<GenerateOptions> = async (opts, ctx) => {
  const settings = await ctx.settings();
  const profile = getProvider(opts.provider ?? settings.provider, settings.customProviders);
  const spec = profile.scheme.signatures.find((s) => isAsymmetric(s.algorithm));
  if (!spec) {
    const withKeys = settings.providers.filter((p) => p.scheme.signatures.some((s) => isAsymmetric(s.algorithm))).map((p) => p.id);
    throw new UsageError(`${profile.id} signs with a shared secret (HMAC), not a key pair`, `providers with key pairs: ${withKeys.join(', ')}`);
  }
  const algorithm = spec.algorithm as AsymmetricAlgorithm;
  const format = keySpecOf(spec);
  const pair = generateKeys(format, algorithm);
  const { out } = ctx;
  if (out.json) {
    out.object({ provider: profile.id, algorithm, keyEncoding: format.encoding, ...pair, config: { secrets: { [profile.id]: pair } } });
    return;
  }
  const dim = out.c.dim;
  out.line(`${profile.name} key pair (${ALGORITHM_NAMES[algorithm]}, ${format.encoding === 'der' ? 'base64 DER' : format.encoding})`);
  out.line(`  private key  ${pair.privateKey}`);
  out.line(`  ${dim(`hookctl signs with it: --secret, ${secretEnvName(profile.id)}, or secrets.${profile.id}.privateKey; keep it out of the receiver`)}`);
  out.line(`  public key   ${pair.publicKey}`);
  out.line(`  ${dim('the receiver verifies with it (hookctl listen and verify use it from the config)')}`);
  out.line('');
  out.line(dim('config (.hookctlrc.json):'));
  out.line(JSON.stringify({ secrets: { [profile.id]: pair } }, null, 2));
};
export default generate;
