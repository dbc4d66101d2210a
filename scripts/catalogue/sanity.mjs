// Sanity's GROQ-powered webhook operations (data/sanity-events.json, see data/SANITY.md): one
// example document per operation, in the default projection (the whole document). The operation
// is named by the sanity-operation header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sanityCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/sanity-events.json'), 'utf8'));
  const events = data.events.map((e) => ({ name: e.name, description: e.description }));
  const templates = new Map(data.events.map((e) => [e.name, post(data.documentId, e.name)]));
  return { meta: { provider: 'sanity', source: `scripts/catalogue/data/sanity-events.json (${data.source}, read ${data.read})` }, events, templates };
}

/** A blog post as Sanity stores it: system fields, then the schema's own (a slug, a reference, Portable Text). */
function post(id, operation) {
  return {
    _id: id,
    _type: 'post',
    _rev: '{{id::22#rev}}',
    _createdAt: operation === 'create' ? '{{now:iso}}' : '{{now:iso:-3d}}',
    _updatedAt: '{{now:iso}}',
    title: operation === 'update' ? 'Webhooks, retried (revised)' : 'Webhooks, retried',
    slug: { _type: 'slug', current: 'webhooks-retried' },
    author: { _type: 'reference', _ref: '8f1f6a4e-2d7b-4c55-a1e2-6b0f3c9d7e21' },
    publishedAt: '{{now:iso:-1h}}',
    body: [
      {
        _type: 'block',
        _key: '{{hex:12#block}}',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: '{{hex:12#span}}', text: 'Deduplicate on the idempotency-key header.', marks: [] }],
      },
    ],
  };
}
