import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../targets/target';
import { FINISH_TEST_TIMEOUT_MS, finishes } from '../test-support/finishes';
import { osRegexMatch, STEPS_PER_MATCH, stepBudget } from './os-regex';

/**
 * Expected answers of the daemons' own code: the OS_Regex sources of OSSEC 2.8.3, Wazuh 3.0.0, 3.7.0,
 * 3.13.0 and 4.14.7 and OSSEC 3.7.0 (with the system's PCRE2), compiled as they are and run on each case.
 * The cases are those of Wazuh's test_os_regex.c and test_os_regex_execute.json, then generated
 * patterns and group strings. Each expectation is one digit per engine, 1 for a match.
 */
const fixture: { engines: string[]; cases: Array<[string, string, string, string]> } = JSON.parse(
  readFileSync(new URL('./os-regex-cases.json', import.meta.url), 'utf8'),
);

const on = (target: string) => parseTarget(target).osRegex;
const matches = (pattern: string, subject: string, target = 'wazuh@4.14') =>
  osRegexMatch(pattern, subject, on(target)).outcome;

describe('osRegexMatch', () => {
  it.each(fixture.engines.map((engine, column) => [engine, column] as const))(
    'answers as the daemon code of %s on every case',
    (engine, column) => {
      const dialect = on(engine);
      const wrong = fixture.cases.filter(([, pattern, subject, expected]) => {
        const found = osRegexMatch(pattern, subject, dialect).outcome === 'match';
        return found !== (expected[column] === '1');
      });
      expect(wrong.map(([source, pattern, subject]) => ({ source, pattern, subject }))).toEqual([]);
      expect(fixture.cases.length).toBeGreaterThan(1500);
    },
  );

  it('searches anywhere, case-insensitively; a comma is a comma and | separates alternatives', () => {
    const groups = 'syslog,sshd,authentication_failures,';
    expect(matches('SSHD', groups)).toBe('match');
    expect(matches('^syslog,', groups)).toBe('match');
    expect(matches('^sshd', groups)).toBe('no-match');
    expect(matches('authentication_failed,authentication_failures', groups)).toBe('no-match');
    expect(matches('authentication_failed|authentication_failures', groups)).toBe('match');
    expect(matches('sshd,\\w+_failures,$', groups)).toBe('match');
    expect(matches('a.b', 'axb')).toBe('no-match');
    expect(matches('a\\.b', 'axb')).toBe('match');
  });

  it('follows each version: classes, non-ASCII literals, empty patterns, pattern length', () => {
    // OSSEC's \W holds '-'; Wazuh's is the opposite of \w, which holds '-'.
    expect(matches('^\\W$', '-', 'ossec@2.8')).toBe('match');
    expect(matches('^\\W$', '-', 'wazuh@3.0')).toBe('no-match');
    // A non-ASCII literal never matches in the daemon's own matcher (a signed char); PCRE2 matches it.
    expect(matches('é', 'café,', 'wazuh@4.14')).toBe('no-match');
    expect(matches('é', 'café,', 'ossec@3.7')).toBe('match');
    expect(matches('', 'sshd,', 'wazuh@4.14')).toBe('match');
    expect(matches('', 'sshd,', 'wazuh@4.1')).toBe('no-match');
    expect(matches('', 'sshd,', 'ossec@3.7')).toBe('refused');
    const long = `sshd|${'x'.repeat(3000)}`;
    expect(matches(long, 'sshd,', 'wazuh@3.7')).toBe('refused');
    expect(matches(long, 'sshd,', 'wazuh@3.8')).toBe('match');
  });

  it('refuses what the daemon does not compile, with the reason', () => {
    expect(osRegexMatch('sshd\\x', 'sshd', on('wazuh@4.14'))).toEqual({
      outcome: 'refused',
      reason: 'the daemon knows no \\x',
    });
    expect(matches('(a(b))', 'ab')).toBe('refused');
    expect(matches('(a|b)', 'a')).toBe('refused');
    expect(matches('(a|b)', 'a', 'ossec@3.7')).toBe('match');
    expect(matches('trailing\\', 'trailing')).toBe('refused');
  });

  it('stops at its step budget with too-complex, and spends a shared budget once', () => {
    const heavy =
      '\\.\\d*\\S*\\s*\\s*\\w*\\d*\\W*\\d*\\d*\\S*\\s*\\s*\\S*\\w*\\S*\\W*\\d*\\S*\\S*\\s*\\w+\\W\\p\\S+\\.\\.*';
    const groups = '111 '.repeat(100);
    expect(matches(heavy.repeat(3), groups)).toBe('too-complex');
    const budget = stepBudget(STEPS_PER_MATCH + 10);
    expect(osRegexMatch(heavy.repeat(3), groups, on('wazuh@4.14'), { budget }).outcome).toBe('too-complex');
    expect(budget.remaining).toBe(10);
    expect(osRegexMatch('sshd', 'syslog,sshd,', on('wazuh@4.14'), { budget }).outcome).toBe('too-complex');
    expect(osRegexMatch('sshd', 's', on('wazuh@4.14'), { budget: stepBudget() }).outcome).toBe('no-match');
  });

  // The translation to a JavaScript RegExp took minutes on a dozen \.* (exponential backtracking).
  it('decides a rules_group of a dozen \\.* at once', { timeout: FINISH_TEST_TIMEOUT_MS }, async () => {
    await finishes(`
      import { readDocument } from './src/core/model/read.ts';
      import { simulate } from './src/core/simulate/simulate.ts';
      import { parseTarget } from './src/core/targets/target.ts';
      const group = '\\\\.*'.repeat(12) + 'zz';
      const doc = readDocument('<ossec_config><command><name>a</name><executable>a</executable></command>' +
        '<active-response><command>a</command><location>local</location><rules_group>' + group +
        '</rules_group></active-response></ossec_config>');
      for (const target of ['wazuh@4.14', 'ossec@3.7', 'ossec@2.8'])
        simulate(doc, { ruleId: 1, level: 3, groups: 'syslog,sshd,authentication_failed,authentication_failures,' }, parseTarget(target));
    `);
  });
});
