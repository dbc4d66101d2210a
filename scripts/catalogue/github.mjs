// Every GitHub webhook event and action, from GitHub's own OpenAPI description
// (@octokit/openapi-webhooks) and recorded deliveries (@octokit/webhooks-examples). See docs/events.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const GITHUB_DESCRIPTION = 'node_modules/@octokit/openapi-webhooks/generated/api.github.com.json';
const EXAMPLES = 'node_modules/@octokit/webhooks-examples/api.github.com/index.json';

/** An ajv validator for a webhook's body schema, `$ref`s resolved inside the description. */
export function githubValidator(doc) {
  // Each shared component compiled once, unoptimized: 261 large schemas compile in seconds, not minutes.
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true, inlineRefs: false, code: { optimize: false } });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://hookctl.local/github.json', components: repairNullable(structuredClone(doc.components)) });
  // getSchema compiles inside the one added document, so shared components compile once.
  return (ref) => ajv.getSchema(`https://hookctl.local/github.json${ref}`);
}

/**
 * The catalogue: `importOperations` (the same code as `hookctl events import`) names each
 * operation and samples its schema; a recorded example for the same event and action replaces
 * the sample when it validates against the schema.
 */
export async function githubCatalogue(root, importOperations) {
  const path = join(root, GITHUB_DESCRIPTION);
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  const ops = await importOperations(path);
  const validatorFor = githubValidator(doc);
  const recorded = recordedExamples(root);
  const events = [];
  const templates = new Map();
  const failures = [];
  for (const op of ops) {
    const validate = validatorFor(op.schemaRef);
    const example = (recorded.get(op.name) ?? []).map((ex) => completed(ex, op.payload, validate)).find((ex) => ex && !JSON.stringify(ex).includes('{{'));
    const payload = example ?? op.payload;
    if (!validate(payload)) failures.push(`github/${op.name}: the generated payload fails its schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    events.push({ name: op.name, description: op.description, source: example ? 'recorded' : 'schema' });
    templates.set(op.name, payload);
  }
  if (failures.length) throw new Error(failures.join('\n'));
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@octokit/openapi-webhooks/package.json'), 'utf8')).version;
  const exVersion = JSON.parse(readFileSync(join(root, 'node_modules/@octokit/webhooks-examples/package.json'), 'utf8')).version;
  return { meta: { provider: 'github', source: `@octokit/openapi-webhooks@${version} + @octokit/webhooks-examples@${exVersion}` }, events, templates };
}

/**
 * A recorded delivery, completed to the current schema: recordings predate fields GitHub has
 * since made required (repository.has_discussions), which are taken from the schema sample at
 * the same place. Any other mismatch (a type, an enum) rejects the recording.
 */
function completed(recording, sample, validate) {
  const out = structuredClone(recording);
  for (let fixes = 0; fixes < 200; fixes++) {
    if (validate(out)) return out;
    const err = validate.errors[0];
    if (err.keyword !== 'required') return undefined;
    const path = err.instancePath
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const at = path.reduce((n, k) => n?.[k], out);
    const from = path.reduce((n, k) => n?.[Array.isArray(n) ? 0 : k], sample); // the sample's lists hold one item
    const key = err.params.missingProperty;
    if (!at || typeof at !== 'object' || !from || typeof from !== 'object' || !(key in from)) return undefined;
    at[key] = structuredClone(from[key]);
  }
  return undefined;
}

/** Recorded payloads by catalogue name (`pull_request.closed`, `push`), in the package's order. */
function recordedExamples(root) {
  const list = JSON.parse(readFileSync(join(root, EXAMPLES), 'utf8'));
  const byName = new Map();
  for (const group of list) {
    for (const ex of group.examples) {
      const name = typeof ex.action === 'string' ? `${group.name}.${ex.action}` : group.name;
      byName.set(name, [...(byName.get(name) ?? []), ex]);
    }
  }
  return byName;
}

/**
 * GitHub's description writes a few nullable references as `{ allOf: [<ref>], type: ["null"] }`
 * (repository_advisory.author), which no value satisfies: the evident meaning is "the referenced
 * object, or null". Validation reads them that way; every other schema is used as published.
 */
export function repairNullable(node, repaired = []) {
  if (Array.isArray(node)) {
    for (const n of node) repairNullable(n, repaired);
    return node;
  }
  if (!node || typeof node !== 'object') return node;
  const onlyNull = node.type === 'null' || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === 'null');
  if (onlyNull && Array.isArray(node.allOf)) {
    node.anyOf = [{ allOf: node.allOf }, { type: 'null' }];
    delete node.allOf;
    delete node.type;
    repaired.push(node);
  }
  for (const v of Object.values(node)) repairNullable(v, repaired);
  return node;
}
