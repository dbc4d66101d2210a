import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { loadFixture, readFixtureFile, renderString, renderTemplate, resolveEvent, serializeBody, type TemplateContext } from '../templates/index.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import { basicCredentials, isFormType, isTokenScheme, type Scheme, type Signed, signWithScheme } from '../signing/index.js';
import { batchTemplate } from '../templates/batch.js';
import { compileTemplate } from './compile.js';
import { decodeForm, encodeForm } from '../templates/form.js';
import { applyEdits, mergeHeaders, parseEdits, parseJsonBody, type Edit } from './edits.js';
import { bodyTimestamp } from './body-timestamp.js';
import { type BodyFactory, type HeaderLayout, headerLayout, queryFactory, withQuery } from './event-request.js';
import { planMode, truncateBodySignatures, truncateSignatures, unsignedPlan, wrongSecret, type ModePlan } from './modes.js';
import type { Delivery, DeliverySpec, HeaderPair, PreparedDelivery, World } from './types.js';

/** Builds the deliveries of one run: the per-run work (fixture, edits, mode) is done once. */
export interface DeliveryBuilder {
  readonly profile: ProviderProfile;
  readonly event: EventSpec;
  readonly plan: ModePlan;
  /** A fresh payload, delivery id and headers, unsigned. */
  prepare(world: World): PreparedDelivery;
  /** Sign (or re-sign, for a retry) at `now` (ms), applying the signature mode and header overrides. */
  sign(prepared: PreparedDelivery, now: number): Delivery;
  /** prepare + sign. */
  build(world: World): Delivery;
}

/** Build one signed delivery from a profile and an event. */
export function buildDelivery(spec: DeliverySpec & World): Delivery {
  return createDeliveryBuilder(spec).build(spec);
}

// What `invalid` appends to the body it signs: bytes that are not sent, and that no `verify`
// diagnosis (a newline, re-serialization, a charset) would reproduce, so verify says plainly no-match.
const TAMPER = Buffer.from('#hookctl-invalid', 'utf8');

/** What every delivery of one run shares, worked out once. */
interface Run {
  spec: DeliverySpec;
  event: EventSpec;
  plan: ModePlan;
  signingSecret: string;
  contentType: string;
  body: BodyFactory;
  layout: HeaderLayout;
  idFormat: string | undefined;
  msgFormat: string | undefined;
  /** The provider sends this event with no signature (a handshake request). */
  unsigned: boolean;
  /** The scheme carries its signature in a body field (Graph's clientState), not a header. */
  inBody: boolean;
}

export function createDeliveryBuilder(spec: DeliverySpec): DeliveryBuilder {
  const run = planRun(spec);
  const prepare = (world: World) => prepareDelivery(run, world);
  const sign = (p: PreparedDelivery, now: number) => signDelivery(run, p, now);
  return { profile: spec.profile, event: run.event, plan: run.plan, prepare, sign, build: (world) => sign(prepare(world), world.now) };
}

/** The secret a mode signs with: another one, or for a token that travels as it is, half of it (malformed). */
function signingSecretOf(plan: ModePlan, scheme: Scheme, secret: string): string {
  if (plan.mode === 'wrong-secret') return wrongSecret(secret, scheme);
  if (plan.mode === 'malformed' && isTokenScheme(scheme)) return secret.slice(0, Math.ceil(secret.length / 2));
  return secret;
}

function planRun(spec: DeliverySpec): Run {
  const { profile } = spec;
  const { scheme, request } = profile;
  const event = typeof spec.event === 'string' ? resolveEvent(`${profile.id}/${spec.event}`, [profile], profile.id, spec.fixtureDirs).event : spec.event;
  const unsigned = event.request?.unsigned === true;
  const plan = unsigned ? unsignedPlan(event.name, spec.mode) : planMode(profile, spec.mode);
  const secret = spec.secrets[0];
  if (!secret) throw new UsageError(`no secret to sign ${profile.id} deliveries with`, 'pass --secret or set HOOKCTL_SECRET');
  const contentType = event.contentType ?? request.contentType;
  return {
    spec,
    event,
    plan,
    signingSecret: signingSecretOf(plan, scheme, secret),
    contentType,
    body: event.request?.template === 'query' ? queryFactory(spec, event, parseEdits(spec.overrides ?? {})) : bodyFactory(spec, event, plan, isFormType(contentType)),
    // Header values are fixed per run except for their fixture tokens, rendered per delivery.
    layout: headerLayout(spec, event, contentType),
    idFormat: request.deliveryId?.format,
    // Schemes that sign a message id (Standard Webhooks) use it as the delivery id unless the profile has its own.
    msgFormat: unsigned ? undefined : messageIdFormat(scheme),
    unsigned,
    inBody: scheme.signatures.some((s) => s.field !== undefined),
  };
}

/** A fresh payload, delivery id and headers, unsigned. */
function prepareDelivery(run: Run, world: World): PreparedDelivery {
  const ctx: TemplateContext = { now: world.now, random: world.random, event: run.event.name };
  const { bytes, bodyTimestamp, query } = run.body(ctx);
  const deliveryId = run.idFormat === undefined ? undefined : renderString(run.idFormat, ctx);
  const headers: HeaderPair[] = [];
  for (const [name, value] of run.layout) {
    headers.push([name, value === null ? (deliveryId as string) : value.includes('{{') ? renderString(value, ctx) : value]);
  }
  const messageId = run.msgFormat === undefined ? undefined : renderString(run.msgFormat, ctx);
  const { profile } = run.spec;
  const method = run.event.request?.method ?? profile.request.method;
  const url = withQuery(run.spec.url, query);
  return { provider: profile.id, event: run.event.name, method, url, headers, body: bytes, deliveryId: deliveryId ?? messageId, messageId, bodyTimestamp, ...(query ? { query } : {}) };
}

/** What signing adds to a prepared delivery: nothing at all for an event the provider sends unsigned. */
const UNSIGNED: Pick<Signed, 'headers' | 'timestamp' | 'url'> & { body?: Buffer } = { headers: {} };

/** Sign (or re-sign, for a retry) at `now` (ms), applying the signature mode and header overrides. */
function signDelivery(run: Run, p: PreparedDelivery, now: number): Delivery {
  const { scheme } = run.spec.profile;
  const { plan } = run;
  const o = run.spec.overrides ?? {};
  const timestampInBody = scheme.timestamp?.source === 'body';
  const timestamp = timestampInBody ? undefined : (o.timestamp ?? Math.floor(now / 1000)) + plan.offsetSec;
  const signed = run.unsigned
    ? UNSIGNED
    : signWithScheme(scheme, {
        secret: run.signingSecret,
        timestamp,
        id: p.messageId,
        now,
        contentType: run.contentType,
        method: p.method,
        body: plan.mode === 'invalid' && !run.inBody ? Buffer.concat([p.body, TAMPER]) : p.body,
        // A signature carried in the body is written into the body sent, so it is made over other content instead.
        ...(plan.mode === 'invalid' && run.inBody ? { tamper: TAMPER } : {}),
        ...(p.url ? { url: String(p.url) } : {}),
      });
  const sigHeaders = { ...signed.headers };
  if (plan.mode === 'malformed') truncateSignatures(scheme, sigHeaders);
  if (plan.mode === 'missing') for (const s of scheme.signatures) delete sigHeaders[s.header];
  let headers = p.headers.slice();
  for (const name in sigHeaders) headers.push([name, sigHeaders[name] as string]);
  if (o.headers?.length) headers = mergeHeaders(headers, o.headers);
  const primary = scheme.signatures[0]?.header;
  // The secret travels as it is (a token) or base64-encoded (Basic): both forms are masked wherever a delivery is shown.
  const travels = scheme.signatures.flatMap((s) => (s.algorithm === 'token' ? [run.signingSecret] : s.algorithm === 'basic' ? [run.signingSecret, basicCredentials(run.signingSecret)] : []));
  const tokens = !run.unsigned && travels.length ? { tokens: travels } : {};
  return {
    ...p,
    ...tokens,
    // A signature the scheme carries in the body (Graph's clientState) is written into the body sent.
    ...(run.inBody && plan.mode !== 'missing' && signed.body ? { body: plan.mode === 'malformed' ? truncateBodySignatures(scheme, signed.body) : signed.body } : {}),
    headers,
    // A URL-signed scheme may bind the body in the URL it signed (Twilio's bodySHA256): send it there.
    url: signed.url !== undefined && signed.url !== String(p.url) ? new URL(signed.url) : p.url,
    mode: plan.mode,
    signature: primary === undefined ? undefined : sigHeaders[primary],
    timestamp: timestampInBody ? p.bodyTimestamp : signed.timestamp,
  };
}

/**
 * Where the body comes from: `--data` bytes (verbatim unless an edit must parse them), or a
 * fixture template rendered with fresh values, edited, then laid out as the provider lays out JSON.
 */
function bodyFactory(spec: DeliverySpec, event: EventSpec, plan: ModePlan, form: boolean): BodyFactory {
  const o = spec.overrides ?? {};
  const edits = parseEdits(o);
  const format = o.bodyFormat ?? spec.profile.request.bodyFormat ?? 'compact';
  const { field, moveTimestamp, readTs, tsEdit } = bodyTimestamp(spec.profile.scheme, plan, o.timestamp);
  const editBody = (payload: unknown, list: Edit[]) => {
    try {
      return applyEdits(payload, list);
    } catch (err) {
      if (moveTimestamp && list.length && err instanceof UsageError && err.message.startsWith(`--set ${field}:`)) {
        throw new UsageError(
          `${spec.profile.id} carries its timestamp in the body field "${field}", which this payload lacks`,
          'keep the field in --data/--fixture to send stale or future deliveries',
        );
      }
      throw err;
    }
  };

  if (o.batch !== undefined && (o.data !== undefined || form)) refuseBatch(spec.profile.id, form);
  if (form) return formFactory(spec, event, edits);
  if (o.data !== undefined) {
    const data = o.data;
    if (edits.length === 0 && !moveTimestamp) return () => ({ bytes: data });
    const parsed = editBody(parseJsonBody(data, '--data'), edits);
    return (ctx) => {
      const payload = editBody(parsed, tsEdit(ctx.now, parsed));
      return { bytes: serializeBody(payload, format), bodyTimestamp: readTs(payload) };
    };
  }

  const fixture = o.fixture !== undefined ? readFixtureFile(resolve(spec.cwd ?? '.', o.fixture)) : loadFixture(spec.profile, event, spec.fixtureDirs);
  const loaded = o.batch === undefined ? fixture : batchTemplate(fixture, o.batch, `${spec.profile.id}/${event.name}`);
  // Fixtures are cached and shared: edit a copy.
  const template = edits.length ? editBody(structuredClone(loaded), edits) : loaded;
  if (!field && format !== 'reserialize') {
    const render = compileTemplate(template, format);
    return (ctx) => ({ bytes: Buffer.from(render(ctx), 'utf8') });
  }
  return (ctx) => {
    let payload = renderTemplate(template, ctx);
    if (moveTimestamp) payload = editBody(payload, tsEdit(ctx.now, payload));
    return { bytes: serializeBody(payload, format), bodyTimestamp: readTs(payload) };
  };
}

/** --batch grows a JSON array from the event's template: neither --data bytes nor a form can be grown. */
function refuseBatch(provider: string, form: boolean): never {
  throw new UsageError(
    form ? `--batch: ${provider} posts one form per event, not a batch` : "--batch builds the body from the event's template",
    form ? 'only providers whose bodies are JSON arrays batch (sendgrid)' : 'drop --data, or send the batch you wrote as it is',
  );
}

/** A form body: `--data` bytes verbatim unless edited, else the fixture's fields rendered and form-encoded. */
function formFactory(spec: DeliverySpec, event: EventSpec, edits: Edit[]): BodyFactory {
  const data = spec.overrides?.data;
  if (data !== undefined) {
    if (edits.length === 0) return () => ({ bytes: data });
    const bytes = encodeForm(applyEdits(decodeForm(data), edits));
    return () => ({ bytes });
  }
  const loaded = spec.overrides?.fixture !== undefined ? readFixtureFile(resolve(spec.cwd ?? '.', spec.overrides.fixture)) : loadFixture(spec.profile, event, spec.fixtureDirs);
  const template = edits.length ? applyEdits(structuredClone(loaded), edits) : loaded;
  return (ctx) => ({ bytes: encodeForm(renderTemplate(template, ctx)) });
}

/** The fixture token for a fresh signed message id (Standard Webhooks' webhook-id), for schemes that sign one. */
export function messageIdFormat(scheme: Scheme): string | undefined {
  if (!scheme.id) return undefined;
  return scheme.id.uuid ? '{{uuid}}' : `{{id:${scheme.id.prefix ?? 'msg_'}:24}}`;
}
