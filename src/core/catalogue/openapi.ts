import { UsageError } from '../errors.js';
import { eventNameProblem } from './names.js';
import { sampleSchema } from './sample.js';

/** One webhook operation of an OpenAPI description, as a catalogue event. */
export interface ImportedOperation {
  name: string;
  description: string;
  /** A JSON pointer to the body schema in the document when it is a `$ref` (for validation). */
  schemaRef?: string;
  payload: unknown;
  from: 'example' | 'schema';
}

type Obj = Record<string, unknown>;
const HINT = 'give an OpenAPI 3.1 document (JSON or YAML) with a "webhooks" section';

/**
 * Read an OpenAPI 3.1 document's `webhooks` and turn each operation into an event: a name, a
 * description and a payload (the operation's example, else one sampled from its schema).
 * Names: GitHub's description (operations carry `x-github`) names events like its
 * `X-GitHub-Event` header plus the body's action, `pull_request.closed`; any other document
 * uses the key under `webhooks`. Every problem is a UsageError (exit 2), before anything is written.
 */
export async function importOperations(file: string): Promise<ImportedOperation[]> {
  const { default: $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  let raw: Obj;
  try {
    raw = (await $RefParser.parse(file)) as Obj;
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${firstLine(err)}`, HINT, err);
  }
  if (!isObj(raw) || typeof raw.openapi !== 'string') throw new UsageError(`${file} is not an OpenAPI document (no "openapi" field)`, HINT);
  if (!raw.openapi.startsWith('3.1')) throw new UsageError(`${file} is OpenAPI ${raw.openapi}; webhooks need OpenAPI 3.1`, HINT);
  if (!isObj(raw.webhooks) || Object.keys(raw.webhooks).length === 0) throw new UsageError(`${file} has no "webhooks" section`, HINT);
  // Pointers into the raw document, kept before dereferencing replaces each $ref by its target.
  const refs = new Map<string, string | undefined>();
  for (const [key, item] of Object.entries(raw.webhooks)) refs.set(key, bodyOf(item)?.schema?.$ref as string | undefined);
  let doc: Obj;
  try {
    doc = (await $RefParser.dereference(file, raw, { dereference: { circular: true } })) as Obj;
  } catch (err) {
    throw new UsageError(`${file}: cannot resolve a $ref: ${firstLine(err)}`, 'every $ref must point at a part of this document or a readable file', err);
  }

  const out: ImportedOperation[] = [];
  const seen = new Set<string>();
  for (const [key, item] of Object.entries(doc.webhooks as Obj)) {
    const op = operationOf(item);
    const body = bodyOf(item);
    if (!op || !body) throw new UsageError(`${file}: webhook "${key}" has no operation with a JSON request body`, 'each webhook needs e.g. post.requestBody.content["application/json"].schema');
    const name = nameOf(key, op);
    const problem = eventNameProblem(name);
    if (problem) throw new UsageError(`${file}: webhook "${key}" gives the event name "${name}", which ${problem}`, 'rename the webhook (names become file names under the fixtures directory)');
    if (seen.has(name)) throw new UsageError(`${file}: two webhooks are both named "${name}"`, 'give each webhook its own name');
    seen.add(name);
    const example = exampleOf(body);
    out.push({
      name,
      description: oneLine(String(op.description ?? op.summary ?? name)),
      schemaRef: refs.get(key),
      payload: example !== undefined ? example : withAction(sampleSchema(body.schema), key, name, op),
      from: example !== undefined ? 'example' : 'schema',
    });
  }
  return out;
}

function nameOf(key: string, op: Obj): string {
  const id = typeof op.operationId === 'string' ? op.operationId : '';
  if (!op['x-github'] || !id) return key;
  const [event = '', action] = id.split('/');
  const snake = (s: string) => s.replace(/-/g, '_');
  return action ? `${snake(event)}.${snake(action)}` : snake(event);
}

/**
 * GitHub's `repository_dispatch` action is free text (the dispatch's event_type): a sample would
 * say "example action", so it takes the action the operation is named for.
 */
function withAction(payload: unknown, key: string, name: string, op: Obj): unknown {
  if (name === key || !isObj(payload) || typeof payload.action !== 'string') return payload;
  const action = name.slice(name.indexOf('.') + 1);
  return op['x-github'] && !payload.action.includes(action) ? { ...payload, action } : payload;
}

function operationOf(item: unknown): Obj | undefined {
  if (!isObj(item)) return undefined;
  const op = item.post ?? item.put ?? item.patch ?? Object.values(item).find(isObj);
  return isObj(op) ? op : undefined;
}

function bodyOf(item: unknown): (Obj & { schema?: Obj }) | undefined {
  const content = (operationOf(item)?.requestBody as Obj | undefined)?.content;
  if (!isObj(content)) return undefined;
  const media = content['application/json'] ?? Object.entries(content).find(([type]) => /json/.test(type))?.[1];
  return isObj(media) ? (media as Obj & { schema?: Obj }) : undefined;
}

function exampleOf(body: Obj): unknown {
  if (body.example !== undefined) return body.example;
  if (isObj(body.examples)) {
    const first = Object.values(body.examples)[0];
    if (isObj(first) && first.value !== undefined) return first.value;
  }
  return undefined;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneLine(text: string): string {
  const first = text.split(/\n\s*\n/)[0] ?? text;
  return first.replace(/\s+/g, ' ').trim();
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0] ?? '';
}
