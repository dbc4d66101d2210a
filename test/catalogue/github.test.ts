// test tier: full (seconds of in-process work: it runs in `npm test`, not `npm run test:fast`)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhooks } from '@octokit/webhooks';
import { describe, expect, it } from 'vitest';
import { GITHUB_DESCRIPTION, githubValidator } from '../../scripts/catalogue/github.mjs';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';
import { ROOT } from '../support/cli.js';

const secret = 'catalogue-test-secret';
const profile = getProvider('github');
const doc = JSON.parse(readFileSync(join(ROOT, GITHUB_DESCRIPTION), 'utf8'));
const operations = Object.values(doc.webhooks as Record<string, { post: { operationId: string; requestBody: { content: { 'application/json': { schema: { $ref: string } } } } } }>).map(({ post }) => ({
  id: post.operationId,
  ref: post.requestBody.content['application/json'].schema.$ref,
}));

describe("every one of GitHub's webhook operations", () => {
  it('has an event in the catalogue: 261 of them, named <X-GitHub-Event>.<action>', () => {
    const names = listEvents(profile).map((e) => e.name);
    expect(operations).toHaveLength(261);
    expect(names).toHaveLength(261);
    expect(names).toEqual(expect.arrayContaining(['push', 'ping', 'pull_request.closed', 'issues.opened', 'workflow_run.completed']));
  });

  it('is accepted by @octokit/webhooks verifyAndReceive and validates against its schema (ajv)', { timeout: 180_000 }, async () => {
    const webhooks = new Webhooks({ secret });
    const received: string[] = [];
    webhooks.onAny((e) => {
      received.push(e.name);
    });
    const validatorFor = githubValidator(doc);
    const events = listEvents(profile);
    const invalid: string[] = [];
    for (const [i, op] of operations.entries()) {
      const event = events[i]!;
      const d = createDeliveryBuilder({ profile, event, secrets: [secret] }).build({ now: Date.now(), random: seededRandom(i) });
      const header = (name: string) => d.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] as string;
      const payload = d.body.toString();
      await webhooks.verifyAndReceive({ id: header('X-GitHub-Delivery'), name: header('X-GitHub-Event') as never, signature: header('X-Hub-Signature-256'), payload });
      const validate = validatorFor(op.ref);
      if (!validate(JSON.parse(payload))) invalid.push(`${event.name} (${op.id}): ${JSON.stringify(validate.errors?.[0])}`);
    }
    expect(invalid).toEqual([]);
    expect(received).toHaveLength(261);
    expect(received).toContain('pull_request');
  });

  it('sends the event in X-GitHub-Event and the action in the body: github/pull_request.closed', () => {
    const d = createDeliveryBuilder({ profile, event: 'pull_request.closed', secrets: [secret] }).build({ now: Date.now(), random: seededRandom(1) });
    expect(d.headers.find(([n]) => n === 'X-GitHub-Event')?.[1]).toBe('pull_request');
    expect(JSON.parse(d.body.toString()).action).toBe('closed');
  });

  it('uses a recorded delivery from @octokit/webhooks-examples where one exists', () => {
    const push = listEvents(profile).find((e) => e.name === 'push');
    expect(push?.source).toBe('recorded');
  });
});
