import { renderTemplate, type TemplateContext } from '../templates/index.js';
import { TOKEN, WHOLE } from '../templates/template.js';

/**
 * A fixture template compiled for bursts: the JSON text around the `{{tokens}}` is serialized
 * once, so a delivery only evaluates its tokens and joins strings. The bytes are exactly
 * `serializeBody(renderTemplate(template, ctx), format)`, random draws included: the tokens are
 * evaluated by `renderTemplate` itself, once each, random ones in the order the walk meets them.
 */
export type CompiledBody = (ctx: TemplateContext) => string;

type Part = string | { token: number; whole: boolean };

export function compileTemplate(template: unknown, format: 'compact' | 'pretty' = 'compact'): CompiledBody {
  const tokens: string[] = [];
  const index = new Map<string, number>();
  const slot = (token: string) => {
    let i = index.get(token);
    if (i === undefined) {
      i = tokens.length;
      tokens.push(token);
      index.set(token, i);
    }
    return i;
  };
  const parts: Part[] = [];
  const lit = (text: string) => {
    const last = parts.length - 1;
    if (typeof parts[last] === 'string') parts[last] += text;
    else parts.push(text);
  };
  // As JSON.stringify(v, null, 2) lays it out: one member per line, `"key": value`, empty containers stay `{}`/`[]`.
  const pretty = format === 'pretty';
  const newline = (depth: number) => (pretty ? `\n${'  '.repeat(depth)}` : '');
  const walk = (node: unknown, depth: number): void => {
    if (typeof node === 'string') {
      const whole = WHOLE.exec(node);
      if (whole) {
        parts.push({ token: slot(whole[1] as string), whole: true });
        return;
      }
      if (!node.includes('{{')) {
        lit(JSON.stringify(node));
        return;
      }
      lit('"');
      let last = 0;
      for (const m of node.matchAll(TOKEN)) {
        lit(inner(node.slice(last, m.index)));
        parts.push({ token: slot(m[1] as string), whole: false });
        last = (m.index ?? 0) + m[0].length;
      }
      lit(`${inner(node.slice(last))}"`);
    } else if (Array.isArray(node)) {
      if (node.length === 0) {
        lit('[]');
        return;
      }
      lit('[');
      node.forEach((item, i) => {
        lit(`${i ? ',' : ''}${newline(depth + 1)}`);
        walk(item === undefined ? null : item, depth + 1);
      });
      lit(`${newline(depth)}]`);
    } else if (node && typeof node === 'object') {
      const entries = Object.entries(node).filter(([, v]) => v !== undefined);
      if (entries.length === 0) {
        lit('{}');
        return;
      }
      lit('{');
      entries.forEach(([k, v], i) => {
        lit(`${i ? ',' : ''}${newline(depth + 1)}${JSON.stringify(k)}:${pretty ? ' ' : ''}`);
        walk(v, depth + 1);
      });
      lit(`${newline(depth)}}`);
    } else {
      lit(JSON.stringify(node));
    }
  };
  walk(template, 0);

  if (tokens.length === 0) {
    const text = parts.join('');
    return () => text;
  }
  const evaluate = tokenValues(tokens);
  return (ctx) => {
    const values = evaluate(ctx);
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else {
        const v = values[p.token] as string | number;
        out += p.whole ? JSON.stringify(v) : inner(String(v));
      }
    }
    return out;
  };
}

/**
 * Token values for one render, by `renderTemplate` itself. Clock and event tokens draw no
 * randomness, so their values are reused while the clock reads the same millisecond (a burst
 * builds several deliveries per ms); the random ones keep their relative order, hence their draws.
 */
function tokenValues(tokens: string[]): (ctx: TemplateContext) => (string | number)[] {
  const isClock = (t: string) => /^(now|event)(:|#|$)/.test(t);
  const clock = tokens.flatMap((t, i) => (isClock(t) ? [i] : []));
  const random = tokens.flatMap((t, i) => (isClock(t) ? [] : [i]));
  const whole = (idx: number[]) => idx.map((i) => `{{${tokens[i]}}}`);
  const clockTokens = whole(clock);
  const randomTokens = whole(random);
  let cachedAt = NaN;
  let cachedEvent = '';
  let cached: (string | number)[] = [];
  return (ctx) => {
    const values = new Array<string | number>(tokens.length);
    if (random.length) {
      const drawn = renderTemplate(randomTokens, ctx) as (string | number)[];
      for (let j = 0; j < random.length; j++) values[random[j] as number] = drawn[j] as string | number;
    }
    if (clock.length) {
      if (ctx.now !== cachedAt || ctx.event !== cachedEvent) {
        cached = renderTemplate(clockTokens, ctx) as (string | number)[];
        cachedAt = ctx.now;
        cachedEvent = ctx.event;
      }
      for (let j = 0; j < clock.length; j++) values[clock[j] as number] = cached[j] as string | number;
    }
    return values;
  };
}

/** A string's JSON escaping without the quotes. */
const inner = (text: string) => JSON.stringify(text).slice(1, -1);
