import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
// The generator's own readers of the twilio package: the unions and documented value lists it builds from.
import { TWILIO_FILES, twilioDocList, twilioUnion } from '../../scripts/catalogue/twilio.mjs';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import { getProvider } from '../../src/core/providers/registry.js';
import type { ProviderProfile } from '../../src/core/providers/types.js';
import { seededRandom } from '../../src/core/random.js';
import { checkArrival } from '../../src/core/server/arrival.js';
import { ROOT } from '../support/cli.js';

const token = 'twilio_catalogue_auth_token';
// The profile's own events win over the catalogue's: none, so every event is the generated one.
const profile: ProviderProfile = { ...getProvider('twilio'), events: [], catalogue: 'twilio' };
const events = listEvents(profile);
const names = events.map((e) => e.name);
const target = new URL('https://example.ngrok.app/twilio/sms?account=1');

function deliver(event: string, seed = 1) {
  const d = createDeliveryBuilder({ profile, event, secrets: [token], url: target }).build({ now: Date.now(), random: seededRandom(seed) });
  const header = (name: string) => d.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] as string;
  return { d, url: new URL(String(d.url)), signature: header('X-Twilio-Signature'), json: header('Content-Type').startsWith('application/json') };
}

const formFields = (body: Buffer) => Object.fromEntries(new URLSearchParams(body.toString('utf8')));

describe('every Twilio event in the catalogue', () => {
  it('is accepted by the twilio library: validateRequest over the form fields, validateRequestWithBody for JSON', () => {
    expect(events.length).toBeGreaterThan(40);
    const rejected: string[] = [];
    for (const e of events) {
      const { d, url, signature, json } = deliver(e.name);
      const ok = json ? twilio.validateRequestWithBody(token, signature, url.href, d.body.toString('utf8')) : twilio.validateRequest(token, signature, url.href, formFields(d.body));
      if (!ok) rejected.push(e.name);
      // And not for another URL: the signature binds the URL Twilio posted to.
      if (!json && twilio.validateRequest(token, signature, url.href.replace('ngrok.app', 'example.com'), formFields(d.body))) rejected.push(`${e.name} (any URL)`);
    }
    expect(rejected).toEqual([]);
  });

  it('says its content type when it is JSON, and is a form of string fields with SIDs of two letters and 32 hex digits otherwise', () => {
    expect(events.filter((e) => e.contentType).map((e) => [e.name, e.contentType])).toEqual([['webhook.json', 'application/json']]);
    const wrong: string[] = [];
    for (const e of events.filter((x) => !x.contentType)) {
      const fields = formFields(deliver(e.name).d.body);
      for (const [k, v] of Object.entries(fields)) if (/Sid$/.test(k) && !/^[A-Z]{2}[0-9a-f]{32}$/.test(v)) wrong.push(`${e.name}: ${k}=${v}`);
      if (!/^AC[0-9a-f]{32}$/.test(fields.AccountSid ?? '')) wrong.push(`${e.name}: no AccountSid`);
    }
    expect(wrong).toEqual([]);
  });

  it('gets fresh SIDs per delivery, the same SID wherever it repeats in one', () => {
    const [a, b] = [formFields(deliver('message.status.delivered', 1).d.body), formFields(deliver('message.status.delivered', 2).d.body)];
    expect(a.MessageSid).not.toBe(b.MessageSid);
    expect(a.SmsSid).toBe(a.MessageSid);
    const mms = formFields(deliver('message.received.mms').d.body);
    expect(mms.MediaUrl0).toBe(`https://api.twilio.com/2010-04-01/Accounts/${mms.AccountSid}/Messages/${mms.MessageSid}/Media/${mms.MediaUrl0?.split('/').pop()}`);
  });
});

describe('the statuses the twilio package declares', () => {
  it('has a message status callback for every MessageStatus in message.d.ts, carrying the documented fields', () => {
    const statuses = twilioUnion(ROOT, TWILIO_FILES.message, 'MessageStatus');
    expect(statuses).toEqual(expect.arrayContaining(['queued', 'sent', 'delivered', 'undelivered', 'failed', 'read']));
    expect(names.filter((n) => n.startsWith('message.status.'))).toEqual(statuses.map((s) => `message.status.${s}`));
    for (const s of statuses) {
      const f = formFields(deliver(`message.status.${s}`).d.body);
      expect(f).toMatchObject({ MessageStatus: s, SmsStatus: s, ApiVersion: '2010-04-01', SmsSid: f.MessageSid });
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['From', 'To', 'AccountSid']));
      expect('ErrorCode' in f, s).toBe(s === 'failed' || s === 'undelivered');
    }
    expect(formFields(deliver('message.status.delivered').d.body).RawDlrDoneDate).toMatch(/^\d{10}$/);
  });

  it('has a call status callback for every CallStatus in call.d.ts, with the call-progress fields', () => {
    const statuses = twilioUnion(ROOT, TWILIO_FILES.call, 'CallStatus');
    expect(statuses).toEqual(expect.arrayContaining(['ringing', 'in-progress', 'completed', 'no-answer']));
    expect(names.filter((n) => n.startsWith('call.status.'))).toEqual(statuses.map((s) => `call.status.${s}`));
    for (const s of statuses) {
      const f = formFields(deliver(`call.status.${s}`).d.body);
      expect(f).toMatchObject({ CallStatus: s, CallbackSource: 'call-progress-events', Caller: f.From, Called: f.To });
      expect(f.SequenceNumber).toMatch(/^\d+$/);
    }
    expect(formFields(deliver('call.status.completed').d.body)).toMatchObject({ CallDuration: expect.stringMatching(/^\d+$/), Duration: expect.stringMatching(/^\d+$/) });
  });

  it('has a recording callback for each documented recordingStatusCallbackEvent, each a RecordingStatus', () => {
    const callbacks = twilioDocList(ROOT, TWILIO_FILES.recording, 'recordingStatusCallbackEvent', 'Can be:');
    expect(callbacks).toEqual(['in-progress', 'completed', 'absent']);
    expect(twilioUnion(ROOT, TWILIO_FILES.recording, 'RecordingStatus')).toEqual(expect.arrayContaining(callbacks));
    expect(names.filter((n) => n.startsWith('recording.'))).toEqual(callbacks.map((s) => `recording.${s}`));
    expect(Object.keys(formFields(deliver('recording.completed').d.body))).toEqual(
      expect.arrayContaining(['RecordingSid', 'RecordingUrl', 'RecordingStatus', 'RecordingDuration', 'RecordingChannels', 'RecordingSource']),
    );
  });

  it('has the transcription callback and every Conversations post-action event the package lists', () => {
    const t = formFields(deliver('transcription.completed').d.body);
    expect(Object.keys(t)).toEqual(expect.arrayContaining(['TranscriptionSid', 'TranscriptionText', 'TranscriptionStatus', 'TranscriptionUrl', 'RecordingSid', 'RecordingUrl']));
    const filters = twilioDocList(ROOT, TWILIO_FILES.conversations, 'filters', 'enabled for this Service:');
    const post = filters.filter((f) => f.endsWith('ed'));
    expect(post).toEqual(expect.arrayContaining(['onMessageAdded', 'onConversationStateUpdated', 'onParticipantRemoved', 'onDeliveryUpdated']));
    expect(names.filter((n) => n.startsWith('conversations.'))).toEqual(post.map((f) => `conversations.${f}`));
    expect(formFields(deliver('conversations.onMessageAdded').d.body)).toMatchObject({ EventType: 'onMessageAdded', Body: expect.any(String), Index: expect.stringMatching(/^\d+$/) });
  });
});

describe("each event's match", () => {
  // What `hookctl listen` does with a request: detect, verify, and name the event by the matches
  // of the provider's events, its generated catalogue's among them.
  const receiving = profile;
  const arrive = (event: string) => {
    const { d, url } = deliver(event);
    const headers: Record<string, string> = Object.fromEntries(d.headers);
    Object.assign(headers, { host: url.host, 'x-forwarded-proto': 'https' });
    return checkArrival({ providers: [receiving], fixed: receiving, secretsFor: () => [token] }, headers, d.body, Date.now(), url.pathname + url.search);
  };

  it('names its own body and no other: each match is the most specific one its body satisfies', () => {
    const wrong: string[] = [];
    for (const e of events) {
      const r = arrive(e.name);
      if (r.event !== e.name || !r.verification.ok) wrong.push(`${e.name}: named ${r.event}, verification ${JSON.stringify(r.verification)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is declared on every event, and the message.status kept from before is a sent callback from a Messaging Service', () => {
    expect(events.filter((e) => !e.match).map((e) => e.name)).toEqual([]);
    expect(formFields(deliver('message.status').d.body)).toMatchObject({ MessageStatus: 'sent', MessagingServiceSid: expect.stringMatching(/^MG[0-9a-f]{32}$/) });
  });
});
