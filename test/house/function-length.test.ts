import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The house rule: no function over 60 lines. A long function is where a reader loses the thread
// and a change lands in the wrong branch; split it by what each part does.
const LIMIT = 60;
const root = join(import.meta.dirname, '..', '..');

// Templates, not logic: each returns one shell script as a template literal.
const TEMPLATES = new Set(['src/commands/completion/bash.ts:bashScript', 'src/commands/completion/fish.ts:fishScript']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '<anonymous>';
}

/** Every function (declaration, method, arrow, expression) longer than the limit, as file:name (lines). */
function longFunctions(): string[] {
  const found: string[] = [];
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const fn = node as ts.FunctionLikeDeclaration;
        const first = source.getLineAndCharacterOfPosition(fn.getStart()).line;
        const last = source.getLineAndCharacterOfPosition(fn.end).line;
        const key = `${relative(root, file)}:${nameOf(fn)}`;
        if (last - first + 1 > LIMIT && !TEMPLATES.has(key)) found.push(`${key} (${last - first + 1} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('the house', () => {
  it(`has no function over ${LIMIT} lines outside the shell-script templates`, () => {
    expect(longFunctions()).toEqual([]);
  });
});
