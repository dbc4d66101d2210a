import { parseBoundedJson } from '../text/bounded-json.js';
import { UsageError } from '../errors.js';

/**
 * Form bodies (`application/x-www-form-urlencoded`): Slack's slash commands and interactivity, Twilio's
 * SMS webhooks. A form template is an object of fields; an object or list value (Slack's `payload`)
 * travels as compact JSON, so `--set payload.actions.0.value=x` edits inside it.
 */
export function encodeForm(fields: unknown): Buffer {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new UsageError('a form body template must be an object of fields', 'write the fixture as { "name": "value", ... }');
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    params.append(name, value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? ''));
  }
  // URLSearchParams writes spaces as `+`, as browsers, Slack and Twilio do.
  return Buffer.from(params.toString(), 'utf8');
}

/** A form's fields as an object to edit; a field holding a JSON object or list (`payload`) is parsed too. */
export function decodeForm(body: Buffer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
    out[name] = /^\s*[[{]/.test(value) ? parseOr(value) : value;
  }
  return out;
}

/** The field's JSON, or its text when it is not JSON or too deep to walk (edits re-serialize it). */
function parseOr(text: string): unknown {
  const parsed = parseBoundedJson(text);
  return parsed.ok ? parsed.value : text;
}
