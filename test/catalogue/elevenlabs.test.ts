import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'wsec_catalogue_test_secret';
const client = new ElevenLabsClient({ apiKey: 'hookctl' });

describe('every ElevenLabs post-call webhook', () => {
  const names = listEvents(getProvider('elevenlabs')).map((e) => e.name);

  it('is the documented list (data/elevenlabs-events.json)', () => {
    const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/elevenlabs-events.json'), 'utf8'));
    expect(names).toEqual(['post_call_transcription', 'post_call_audio', 'call_initiation_failure']);
    expect(names).toEqual(data.events.map((e: { name: string }) => e.name));
  });

  it("is accepted by the SDK's constructEvent, typed by its body and stamped in Unix seconds", async () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('elevenlabs', secret)) {
      try {
        const event = await client.webhooks.constructEvent(delivery.body.toString('utf8'), headerOf(delivery, 'ElevenLabs-Signature'), secret);
        if (event.type !== name) wrong.push(`${name}: parsed as ${event.type}`);
        if (typeof event.event_timestamp !== 'number' || Math.abs(event.event_timestamp - Date.now() / 1000) > 5) wrong.push(`${name}: event_timestamp ${event.event_timestamp}`);
        if (!String(event.data.conversation_id).startsWith('conv_')) wrong.push(`${name}: conversation_id ${event.data.conversation_id}`);
      } catch (err) {
        wrong.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is refused by constructEvent once older than its 30-minute window', async () => {
    const { delivery } = everyDelivery('elevenlabs', secret, Date.now() - 31 * 60_000)[0] as ReturnType<typeof everyDelivery>[number];
    await expect(client.webhooks.constructEvent(delivery.body.toString('utf8'), headerOf(delivery, 'ElevenLabs-Signature'), secret)).rejects.toThrow(/tolerance/);
  });
});
