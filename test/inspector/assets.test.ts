import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const WEB = new URL('../../dist/web/', import.meta.url);
const files = () => readdirSync(WEB).map((name) => ({ name, text: readFileSync(new URL(name, WEB), 'utf8') }));

describe('the inspector page as shipped (dist/web, built by npm run build)', () => {
  it('weighs at most 150 KB gzipped, all files together', () => {
    const gz = files().reduce((n, f) => n + gzipSync(f.text).length, 0);
    expect(gz).toBeLessThan(150 * 1024);
  });

  it('is self-contained: no URL outside the package, every module import present', () => {
    const names = new Set(files().map((f) => f.name));
    expect(names.has('index.html') && names.has('main.js') && names.has('style.css')).toBe(true);
    for (const f of files()) {
      expect(f.text, f.name).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//i);
      expect(f.text, f.name).not.toMatch(/@import|url\(\s*['"]?(?:https?:)?\/\//i);
      for (const [, spec] of f.text.matchAll(/\bfrom\s+'([^']+)'/g)) expect(names.has((spec as string).replace(/^\.\//, '')), `${f.name} imports ${spec}`).toBe(true);
    }
    // No innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere in the page's code.
    for (const f of files().filter((x) => x.name.endsWith('.js'))) expect(f.text, f.name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  it('ships in the package: "files" holds dist', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('dist');
  });
});
