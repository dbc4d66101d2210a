import { LinearWebhookClient, type LinearWebhookEventType } from '@linear/sdk/webhooks';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'lin_wh_catalogue_test';

/** LinearWebhookEventType as the SDK's client dispatches it (types cannot be listed at run time). */
const TYPES: LinearWebhookEventType[] = [
  'Attachment',
  'AuditEntry',
  'Comment',
  'Customer',
  'CustomerNeed',
  'Cycle',
  'Document',
  'Initiative',
  'InitiativeUpdate',
  'Issue',
  'IssueLabel',
  'Project',
  'ProjectUpdate',
  'Reaction',
  'User',
  'IssueSLA',
  'OAuthApp',
  'AppUserNotification',
  'PermissionChange',
  'AgentSessionEvent',
];

describe('every Linear webhook', () => {
  const names = listEvents(getProvider('linear')).map((e) => e.name);

  it('covers every entity × create/update/remove and every app-level payload', () => {
    expect(new Set(names.map((n) => n.split('.')[0]))).toEqual(new Set(TYPES));
    for (const entity of TYPES.slice(0, 15)) for (const action of ['create', 'update', 'remove']) expect(names).toContain(`${entity}.${action}`);
    for (const n of ['IssueSLA.breached', 'OAuthApp.revoked', 'AgentSessionEvent.prompted', 'PermissionChange.teamAccessChanged', 'AppUserNotification.issueAssignedToYou']) expect(names).toContain(n);
  });

  it("is parsed by the SDK's LinearWebhookClient: signature and webhookTimestamp accepted, type and action as named", () => {
    const client = new LinearWebhookClient(secret);
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('linear', secret)) {
      try {
        const payload = client.parseData(delivery.body, headerOf(delivery, 'Linear-Signature'));
        if (`${payload.type}.${payload.action}` !== name) wrong.push(`${name}: parsed as ${payload.type}.${payload.action}`);
        if (headerOf(delivery, 'Linear-Event') !== payload.type) wrong.push(`${name}: Linear-Event ${headerOf(delivery, 'Linear-Event')}`);
        if (payload.action === 'update' && !('updatedFrom' in payload && payload.updatedFrom)) wrong.push(`${name}: no updatedFrom`);
      } catch (err) {
        wrong.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
