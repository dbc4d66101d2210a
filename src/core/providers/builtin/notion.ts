import { NOTION_VERIFICATION } from './handshakes.js';
import type { EventSpec, ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

// The body's `type` names the event, so none needs a match. The 31 types of @notionhq/client 5.26.0
// (build/src/api-endpoints/webhooks.d.ts), in its order: entity, then action.
const EVENTS: [string, string][] = [
  ['comment.created', 'A comment was added to a page or block'],
  ['comment.deleted', 'A comment was deleted'],
  ['comment.updated', 'A comment was edited'],
  ['data_source.content_updated', 'Rows of a data source were added, changed or removed'],
  ['data_source.created', 'A data source was created'],
  ['data_source.deleted', 'A data source was moved to the trash'],
  ['data_source.moved', 'A data source was moved'],
  ['data_source.schema_updated', 'A property of a data source was added, changed or removed'],
  ['data_source.undeleted', 'A data source was restored from the trash'],
  ['database.content_updated', 'Rows of a database were added, changed or removed (API 2022-06-28)'],
  ['database.created', 'A database was created'],
  ['database.deleted', 'A database was moved to the trash'],
  ['database.moved', 'A database was moved'],
  ['database.schema_updated', 'A property of a database was added, changed or removed (API 2022-06-28)'],
  ['database.undeleted', 'A database was restored from the trash'],
  ['file_upload.completed', 'A file upload finished'],
  ['file_upload.created', 'A file upload was started'],
  ['file_upload.expired', 'A file upload expired before it was used'],
  ['file_upload.upload_failed', 'A file import failed'],
  ['page.content_updated', 'The blocks of a page changed'],
  ['page.created', 'A page was created'],
  ['page.deleted', 'A page was moved to the trash'],
  ['page.locked', 'A page was locked'],
  ['page.moved', 'A page was moved'],
  ['page.properties_updated', 'Properties of a page changed'],
  ['page.transcription_block.transcript_deleted', 'The transcript of a meeting-notes block was deleted'],
  ['page.undeleted', 'A page was restored from the trash'],
  ['page.unlocked', 'A page was unlocked'],
  ['view.created', 'A database view was created'],
  ['view.deleted', 'A database view was deleted'],
  ['view.updated', 'A database view’s name, filter, sorts or configuration changed'],
];

const events: EventSpec[] = EVENTS.map(([name, description]) => ({ name, description }));

export const notion: ProviderProfile = {
  id: 'notion',
  name: 'Notion',
  category: 'productivity',
  verifier: { package: '@notionhq/client', call: 'verifyWebhookSignature({ body, signature, verificationToken })' },
  docs: 'https://developers.notion.com/reference/webhooks',
  // `sha256=` + hex HMAC-SHA256 of the raw body, keyed with the subscription's verification_token; no timestamp.
  scheme: {
    content: '{body}',
    signatures: [prefixed('X-Notion-Signature', 'sha256=')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/notion',
    contentType: 'application/json',
  },
  events: [
    ...events,
    {
      name: 'verification',
      description: 'Sent once when the subscription is created, unsigned: its verification_token is pasted into Notion and signs every later event',
      match: { verification_token: true },
      // `--set verification_token=<secret>` hands over the secret your later deliveries are signed with.
      request: { unsigned: true },
      handshake: NOTION_VERIFICATION,
    },
  ],
  devSecret: 'secret_hookctl_notion_dev_verification_token',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 6 * HOURS, 12 * HOURS, 24 * HOURS, 24 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'the payload counts attempts (attempt_number) and Notion re-sends failed deliveries with back-off; neither the timeout nor the schedule is documented: both are approximations.',
  },
};
