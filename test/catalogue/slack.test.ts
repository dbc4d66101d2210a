import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, HTTPReceiver, verifySlackRequest } from '@slack/bolt';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { ROOT } from '../support/cli.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'slack-catalogue-test-secret';

/** The members of `SlackEvent` as @slack/types declares it (the union the catalogue spells out). */
function slackEventUnion(): string[] {
  const text = readFileSync(join(ROOT, 'node_modules/@slack/types/dist/events/index.d.ts'), 'utf8');
  return text
    .match(/export type SlackEvent = ([^;]+);/)![1]!
    .split('|')
    .map((s) => s.trim());
}

describe('every Slack event', () => {
  const names = listEvents(getProvider('slack')).map((e) => e.name);

  it('covers the SlackEvent union, the challenge, the interactivity payloads and slash commands', () => {
    expect(slackEventUnion()).toHaveLength(88);
    // 88 members; AllMessageEvents and AllMessageMetadataEvents spelled out as their 17 + 3 members.
    expect(names.filter((n) => !['url_verification', 'slash_command', 'block_actions', 'view_submission', 'view_closed', 'shortcut', 'message_action', 'block_suggestion'].includes(n))).toHaveLength(
      88 - 2 + 17 + 3,
    );
    for (const n of ['url_verification', 'reaction_added', 'member_joined_channel', 'message.bot_message', 'view_submission', 'shortcut', 'slash_command']) expect(names).toContain(n);
  });

  it('is accepted by @slack/bolt verifySlackRequest, JSON events and forms alike', () => {
    const rejected: string[] = [];
    for (const { name, delivery } of everyDelivery('slack', secret)) {
      try {
        verifySlackRequest({
          signingSecret: secret,
          body: delivery.body.toString('utf8'),
          headers: { 'x-slack-signature': headerOf(delivery, 'X-Slack-Signature'), 'x-slack-request-timestamp': Number(headerOf(delivery, 'X-Slack-Request-Timestamp')) },
        });
      } catch (err) {
        rejected.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it("reaches a Bolt app's own handlers through its HTTP receiver: the challenge, an event, an action, a command", async () => {
    const receiver = new HTTPReceiver({ signingSecret: secret, endpoints: '/slack/events' });
    const app = new App({ receiver, token: 'xoxb-hookctl-test', botId: 'B06KXJ3M7RT', botUserId: 'U06KXJ3L5QW', tokenVerificationEnabled: false });
    const seen: string[] = [];
    app.event('reaction_added', async ({ event }) => void seen.push(`event:${event.reaction}`));
    app.action('approve_deploy', async ({ ack }) => {
      await ack();
      seen.push('action');
    });
    app.command('/deploy', async ({ ack, command }) => {
      await ack();
      seen.push(`command:${command.text}`);
    });
    const server = (await app.start(0)) as import('node:http').Server;
    try {
      const port = (server.address() as import('node:net').AddressInfo).port;
      const byName = new Map(everyDelivery('slack', secret).map((d) => [d.name, d.delivery]));
      const post = async (name: string) => {
        const d = byName.get(name)!;
        const res = await request(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: Object.fromEntries(d.headers), body: d.body });
        return { status: res.statusCode, text: await res.body.text(), d };
      };
      const challenge = await post('url_verification');
      expect(challenge.status).toBe(200);
      expect(JSON.parse(challenge.text).challenge).toBe(JSON.parse(challenge.d.body.toString()).challenge);
      for (const name of ['reaction_added', 'block_actions', 'slash_command']) expect((await post(name)).status, name).toBe(200);
      expect(seen.sort()).toEqual(['action', 'command:staging --force', 'event:thumbsup']);
    } finally {
      await app.stop();
    }
  });
});
