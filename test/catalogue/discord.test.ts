import { InteractionType, verifyKey } from 'discord-interactions';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { DISCORD_DEV_KEYS } from '../../src/core/providers/builtin/discord.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

describe('every Discord interaction and Webhook Event', () => {
  const deliveries = everyDelivery('discord', DISCORD_DEV_KEYS.privateKey);

  it('lists the 5 interaction types, the Webhook Events PING and the 6 Webhook Events', () => {
    expect(listEvents(getProvider('discord')).map((e) => e.name)).toEqual([
      'ping',
      'application_command',
      'message_component',
      'application_command_autocomplete',
      'modal_submit',
      'event_ping',
      'APPLICATION_AUTHORIZED',
      'APPLICATION_DEAUTHORIZED',
      'ENTITLEMENT_CREATE',
      'ENTITLEMENT_DELETE',
      'ENTITLEMENT_UPDATE',
      'QUEST_USER_ENROLLMENT',
    ]);
  });

  it("is accepted by discord-interactions' verifyKey with the application's public key", async () => {
    const rejected: string[] = [];
    for (const { name, delivery } of deliveries) {
      const ok = await verifyKey(delivery.body, headerOf(delivery, 'X-Signature-Ed25519'), headerOf(delivery, 'X-Signature-Timestamp'), DISCORD_DEV_KEYS.publicKey);
      if (!ok) rejected.push(name);
    }
    expect(rejected).toEqual([]);
  });

  it('carries the interaction type discord-interactions dispatches on, and type 0/1 on Webhook Events', () => {
    const body = (name: string) => JSON.parse(deliveries.find((d) => d.name === name)!.delivery.body.toString());
    expect(body('ping').type).toBe(InteractionType.PING);
    expect(body('message_component').type).toBe(InteractionType.MESSAGE_COMPONENT);
    expect(body('modal_submit').type).toBe(InteractionType.MODAL_SUBMIT);
    expect(body('event_ping')).toEqual({ version: 1, application_id: expect.any(String), type: 0 });
    expect(body('ENTITLEMENT_CREATE')).toMatchObject({ type: 1, event: { type: 'ENTITLEMENT_CREATE', data: { application_id: body('ping').application_id } } });
  });
});
