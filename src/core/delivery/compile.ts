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

/** A template being compiled: its JSON text so far, cut at the tokens, and the tokens met. */
interface Compiling {
  /** Each distinct token once, in the order the walk first meets it. */
  tokens: string[];
  /** A token's place in `tokens`. */
  index: Map<string, number>;
  parts: Part[];
  pretty: boolean;
}

export function compileTemplate(template: unknown, format: 'compact' | 'pretty' = 'compact'): CompiledBody {
  const compiling: Compiling = { tokens: [], index: new Map(), parts: [], pretty: format === 'pretty' };
  walk(compiling, template, 0);
  const { tokens, parts } = compiling;
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

/** The token's place in `tokens`, added the first time it is met. */
function slot(c: Compiling, token: string): number {
  let i = c.index.get(token);
  if (i === undefined) {
    i = c.tokens.length;
    c.tokens.push(token);
    c.index.set(token, i);
  }
  return i;
}

/** Literal JSON text, joined to the literal before it. */
function lit(c: Compiling, text: string): void {
  const last = c.parts.length - 1;
  if (typeof c.parts[last] === 'string') c.parts[last] += text;
  else c.parts.push(text);
}

// As JSON.stringify(v, null, 2) lays it out: one member per line, `"key": value`, empty containers stay `{}`/`[]`.
function newline(c: Compiling, depth: number): string {
  return c.pretty ? `\n${'  '.repeat(depth)}` : '';
}

function walk(c: Compiling, node: unknown, depth: number): void {
  if (typeof node === 'string') walkString(c, node);
  else if (Array.isArray(node)) walkArray(c, node, depth);
  else if (node && typeof node === 'object') walkObject(c, node, depth);
  else lit(c, JSON.stringify(node));
}

function walkString(c: Compiling, node: string): void {
  const whole = WHOLE.exec(node);
  if (whole) {
    c.parts.push({ token: slot(c, whole[1] as string), whole: true });
    return;
  }
  if (!node.includes('{{')) {
    lit(c, JSON.stringify(node));
    return;
  }
  lit(c, '"');
  let last = 0;
  for (const m of node.matchAll(TOKEN)) {
    lit(c, inner(node.slice(last, m.index)));
    c.parts.push({ token: slot(c, m[1] as string), whole: false });
    last = (m.index ?? 0) + m[0].length;
  }
  lit(c, `${inner(node.slice(last))}"`);
}

function walkArray(c: Compiling, node: unknown[], depth: number): void {
  if (node.length === 0) {
    lit(c, '[]');
    return;
  }
  lit(c, '[');
  node.forEach((item, i) => {
    lit(c, `${i ? ',' : ''}${newline(c, depth + 1)}`);
    walk(c, item === undefined ? null : item, depth + 1);
  });
  lit(c, `${newline(c, depth)}]`);
}

function walkObject(c: Compiling, node: object, depth: number): void {
  const entries = Object.entries(node).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    lit(c, '{}');
    return;
  }
  lit(c, '{');
  entries.forEach(([k, v], i) => {
    lit(c, `${i ? ',' : ''}${newline(c, depth + 1)}${JSON.stringify(k)}:${c.pretty ? ' ' : ''}`);
    walk(c, v, depth + 1);
  });
  lit(c, `${newline(c, depth)}}`);
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
