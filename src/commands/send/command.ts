import type { CommandContext, Handler } from '../shared/context.js';
import { VERSION } from '../../version.js';
import { secretResolver } from '../shared/secret-resolver.js';
import { verifyTokenFor } from '../../core/config/secret-sources.js';
import { createDeliveryBuilder, type DeliveryBuilder } from '../../core/delivery/build.js';
import { toCurl } from '../../core/delivery/curl.js';
import { parseExpect, REJECTED } from '../../core/delivery/expect.js';
import { parseHeader, readDataArg } from '../../core/delivery/edits.js';
import { requestBlock, requestJson } from './render.js';
import { UsageError } from '../../core/errors.js';
import { listEvents } from '../../core/catalogue/list-events.js';
import { resolveEvent } from '../../core/templates/index.js';
import { fixtureDirs } from '../shared/fixture-dirs.js';
import { inputLimits } from '../../core/io/capped.js';
import { readTarget, type Target } from '../../core/http/target.js';
import type { Settings } from '../../core/config/types.js';
import type { DeliveryOverrides } from '../../core/delivery/types.js';
import { providerNamedBy, sayNamedByPath } from '../shared/target-provider.js';
import type { SendOptions } from './spec.js';

const send: Handler<SendOptions> = async (opts, ctx, args) => {
  const { io, out } = ctx;
  const [eventName] = args;
  if (opts.all && eventName) throw new UsageError(`give an event or --all, not both (got "${eventName}")`, 'hookctl send --all --provider stripe --to localhost:3000');
  if (!opts.all && !eventName) throw new UsageError('which event?', 'e.g. hookctl send job.completed --to localhost:3000 (hookctl events lists them)');
  const n = { count: opts.count, concurrency: opts.concurrency, duplicates: opts.duplicate, timeScale: opts.timeScale };
  const expect = opts.expect === undefined ? undefined : parseExpect(opts.expect);
  if (opts.bodyFormat && opts.data !== undefined)
    throw new UsageError('--body-format lays out a template; --data is sent byte for byte', 'drop one of them (use --fixture to lay out your own template)');
  const settings = await ctx.settings(opts.provider ? { provider: opts.provider } : {});
  const dirs = fixtureDirs(opts.fixtures, settings, io.cwd);
  const to = opts.to ?? settings.target;
  const { profile, events, url } = whatToSend(eventName, to === undefined ? undefined : readTarget(to), settings, dirs, out);
  if (!to && (opts.curl || !opts.dryRun)) throw new UsageError('no target: where should the delivery go?', 'pass --to localhost:3000 (or set "target" in the config)');
  const { secrets } = secretResolver(settings, io.env, out.warn, 'signing', opts.secret === undefined ? [] : [opts.secret])(profile);

  const overrides = await overridesOf(opts, ctx, settings.listen.maxBody);
  // Sent verbatim on purpose (a receiver must survive garbage), but a typo should not pass unnoticed.
  if (overrides.data && /json/i.test(profile.request.contentType) && !isJson(overrides.data)) {
    out.warn(`--data is not valid JSON: sending it as is with Content-Type ${profile.request.contentType}`);
  }
  const builders = events.map((event) =>
    createDeliveryBuilder({
      profile,
      event,
      secrets,
      verifyToken: verifyTokenFor(profile, settings, io.env),
      mode: opts.signature,
      url,
      overrides,
      fixtureDirs: dirs,
      cwd: io.cwd,
      userAgent: `hookctl/${VERSION}`,
    }),
  );
  const warning = builders[0]?.plan.warning;
  if (warning) out.warn(warning);

  if (opts.dryRun || opts.curl) return printOffline(ctx, builders, n.count, url, opts.curl === true);
  if (opts.retry && profile.delivery.retryDelaysSec.length === 0)
    out.warn(`${profile.id} does not retry failed deliveries: one attempt each${profile.delivery.note ? ` (${profile.delivery.note})` : ''}`);
  // A negative mode is answered right by a refusal: without --expect, that is what its ✔ means.
  const marks = expect ?? (builders[0]?.plan.expectRejected ? REJECTED : undefined);
  const { sendAll } = await import('./run.js');
  return sendAll(ctx, builders, {
    ...n,
    url: url as URL,
    expect,
    marks,
    retry: opts.retry === true,
    verbose: opts.verbose === true,
    insecure: opts.insecure === true,
    timeoutMs: opts.timeout ?? profile.delivery.timeoutMs,
    secret: secrets[0],
  });
};
export default send;

/** The provider and events to send, and where: a target's path may name the provider (see providerNamedBy). */
function whatToSend(eventName: string | undefined, target: Target | undefined, settings: Settings, dirs: readonly string[], out: CommandContext['out']) {
  // Without a chosen provider, `--to :3000/webhooks/stripe` means Stripe, for bare names and --all alike.
  const named = target && providerNamedBy(target, settings);
  const home = named ?? settings.profile;
  const resolved = eventName ? [resolveEvent(eventName, settings.providers, home.id, dirs)] : undefined;
  const profile = resolved?.[0]?.profile ?? home;
  const events = resolved?.map((r) => r.event) ?? listEvents(profile, dirs);
  if (events.length === 0) throw new UsageError(`${profile.id} has no events`, 'add events to the provider in the config');
  const url = target?.withPath(profile.request.path);
  if (named && url && profile === named && named !== settings.profile) sayNamedByPath(named, url, out);
  return { profile, events, url };
}

/** The payload and header edits of the flags; --data read (capped) from its file or stdin. */
async function overridesOf(opts: SendOptions, { io }: CommandContext, maxBody: number): Promise<DeliveryOverrides> {
  return {
    set: opts.set,
    add: opts.add,
    remove: opts.remove,
    headers: opts.header?.map(parseHeader),
    fixture: opts.fixture,
    data: opts.data === undefined ? undefined : await readDataArg(opts.data, io.cwd, io.stdin, inputLimits(opts.maxInput, maxBody, io.signal)),
    timestamp: opts.timestamp,
    bodyFormat: opts.bodyFormat,
    batch: opts.batch,
  };
}

/** --dry-run and --curl: build and sign, print, send nothing. */
function printOffline(ctx: CommandContext, builders: DeliveryBuilder[], count: number, url: URL | undefined, curl: boolean): number {
  const { io, out } = ctx;
  for (const builder of builders) {
    for (let i = 0; i < count; i++) {
      const d = builder.build({ now: io.now(), random: io.random });
      // With no target, a query template's query still shows after the provider's path.
      const target = d.url ?? url ?? `${builder.profile.request.path}${d.query ? `?${d.query}` : ''}`;
      if (out.json)
        out.object({
          type: 'request',
          provider: d.provider,
          event: d.event,
          deliveryId: d.deliveryId ?? null,
          request: requestJson(d, (d.url ?? url)?.href),
          ...(curl ? { curl: toCurl(d, target) } : {}),
        });
      else out.line(curl ? toCurl(d, target) : `${requestBlock(d, target, out.c, false)}\n`);
    }
  }
  return 0;
}

function isJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
