import { UsageError } from '../errors.js';
import { TOKEN } from './template.js';

/**
 * `--batch n`: an array body (SendGrid posts its events in batches) grown to n events, cycling
 * through the template's items. Each copy's tokens get a label of their own, so every event has
 * fresh ids (`sg_event_id`, `sg_message_id`) while the tokens within one copy still agree.
 */
export function batchTemplate(template: unknown, size: number, name: string): unknown[] {
  if (!Array.isArray(template) || template.length === 0) {
    throw new UsageError(`--batch: ${name} is one event per delivery, not a batch`, 'only providers whose bodies are JSON arrays batch (sendgrid)');
  }
  return Array.from({ length: size }, (_, i) => {
    const item = template[i % template.length];
    const copy = Math.floor(i / template.length);
    return copy === 0 ? item : relabel(item, copy);
  });
}

function relabel(node: unknown, copy: number): unknown {
  if (typeof node === 'string') return node.includes('{{') ? node.replace(TOKEN, (_, t: string) => `{{${t.includes('#') ? `${t}-${copy}` : `${t}#${copy}`}}}`) : node;
  if (Array.isArray(node)) return node.map((n) => relabel(n, copy));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, relabel(v, copy)]));
  return node;
}
