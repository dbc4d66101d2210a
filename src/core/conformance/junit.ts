import type { ScenarioResult } from './types.js';

const esc = (s: string) =>
  s
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // XML 1.0 forbids most control characters even when escaped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * JUnit XML as GitHub Actions, GitLab and Jenkins read it: one testcase per scenario. An inconclusive
 * scenario is an `<error>` (it proved nothing and fails the job), or `<skipped>` with --allow-inconclusive.
 */
export function toJunit(results: readonly ScenarioResult[], suite: { name: string; provider: string; target: string; seconds: number; allowInconclusive?: boolean }): string {
  const count = (s: ScenarioResult['status']) => results.filter((r) => r.status === s).length;
  const skipped = count('skip') + (suite.allowInconclusive ? count('inconclusive') : 0);
  const errors = suite.allowInconclusive ? 0 : count('inconclusive');
  const cases = results.map((r) => {
    const open = `    <testcase classname="hookctl.${esc(suite.provider)}" name="${esc(r.id)}" time="${(r.ms / 1000).toFixed(3)}"`;
    if (r.status === 'pass') return `${open}/>`;
    if (r.status === 'skip') return `${open}>\n      <skipped message="${esc(r.got)}"/>\n    </testcase>`;
    if (r.status === 'inconclusive') {
      const tag = suite.allowInconclusive ? 'skipped' : `error type="inconclusive"`;
      return `${open}>\n      <${tag} message="${esc(r.message ?? 'inconclusive')}"/>\n    </testcase>`;
    }
    const text = `expected ${r.expected}, got ${r.got}`;
    return `${open}>\n      <failure message="${esc(r.message ?? text)}" type="${esc(r.id)}">${esc(text)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hookctl test" tests="${results.length}" failures="${count('fail')}" errors="${errors}" skipped="${skipped}" time="${suite.seconds.toFixed(3)}">`,
    `  <testsuite name="${esc(suite.name)}" tests="${results.length}" failures="${count('fail')}" errors="${errors}" skipped="${skipped}" time="${suite.seconds.toFixed(3)}">`,
    `    <properties><property name="target" value="${esc(suite.target)}"/><property name="provider" value="${esc(suite.provider)}"/></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
