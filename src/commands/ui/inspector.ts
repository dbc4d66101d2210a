import { Chalk } from 'chalk';
import type { CommandContext } from '../shared/context.js';
import { VERSION } from '../../version.js';
import type { Settings } from '../../core/config/types.js';
import { HookctlError } from '../../core/errors.js';
import { createInspector, type Inspector } from '../../core/inspector/index.js';
import { hex } from '../../core/random.js';
import { checkRequest } from '../../core/check/check-request.js';
import { fromCapture } from '../../core/captures/source.js';
import { rawRequest } from '../captures/render.js';
import { secretResolver } from '../shared/secret-resolver.js';
import { checkJson, renderCheck, type JudgedAt } from '../verify/render.js';

const plain = new Chalk({ level: 0 });

/** listen's own verification flags: the page checks (and re-signs) as `verify --provider --secret --tolerance` would. */
export interface CheckFlags {
  provider?: string;
  secrets?: readonly string[];
  toleranceSec?: number;
}

/** The inspector as `listen` and `ui` run it: the page says what `verify` and `captures show --raw` say. */
export function startInspector(ctx: CommandContext, settings: Settings, storeDir: string | undefined, flags: CheckFlags = {}): { inspector: Inspector; token: string } {
  const { io, out } = ctx;
  // 128 bits from the crypto-backed source: the page's URL is the only way in.
  const token = hex(io.random, 32);
  // Quiet: listen has already said when a provider falls back to its development secret, and the
  // page shows each check's secret source as verify does.
  const secretsOf = secretResolver(settings, io.env, () => {}, 'verifying', flags.secrets);
  const inspector = createInspector({
    token,
    storeDir,
    version: VERSION,
    views: {
      check(c) {
        const req = fromCapture(c);
        // As `verify <id>` judges a stored capture: at its receive time (a delivery fresh when it
        // arrived stays valid), the clock only if that time were unreadable.
        const received = Date.parse(c.receivedAt);
        const judged: JudgedAt = Number.isNaN(received) ? { at: io.now(), by: 'clock' } : { at: received, by: 'received' };
        const outcome = checkRequest(req, { settings, provider: flags.provider, secretsOf, toleranceSec: flags.toleranceSec, now: judged.at });
        return { json: checkJson(req, outcome, judged), text: renderCheck(req, outcome, plain, false, judged) };
      },
      raw: rawRequest,
    },
    replay: { settings, secretsOf, now: io.now, random: io.random, provider: flags.provider },
    onWarning: (w) => out.warn(`${w.where}: ${w.message}`),
    // A store problem is one line; anything else is a bug, reported with its stack.
    onError: (err) => out.warn(`inspector: ${err instanceof HookctlError ? err.message : ((err as Error)?.stack ?? String(err))}`),
  });
  return { inspector, token };
}
