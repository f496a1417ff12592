import { describe, expect, it } from 'vitest';
import { FINISH_TEST_TIMEOUT_MS, finishes } from '../../test-support/finishes';
import { check, conf, findings, HOST_DENY, OSSEC_HOST_DENY, response } from '../testing';

const at = (timeout: string, target = 'wazuh@4.14') =>
  findings(
    'A13',
    conf(HOST_DENY, response({ command: 'host-deny', location: 'local', level: '7', timeout })),
    target,
  );

describe('A13 timeout not numeric', () => {
  it('warns on abc, 600s, -1, empty and a wrapping number, never refuses (reference §13)', () => {
    for (const timeout of ['abc', '600s', '-1', '', '4294967896']) {
      for (const target of ['ossec@3.7', 'wazuh@4.14']) {
        expect(at(timeout, target).map((d) => d.severity)).toEqual(['warning']);
      }
    }
    expect(at('600s')[0].message).toContain('read as 600');
    expect(at('600s')[0].fix?.ops).toEqual([
      { op: 'setField', blockIndex: 1, field: 'timeout', value: '600' },
    ]);
    const text = conf(
      OSSEC_HOST_DENY,
      response({ command: 'host-deny', location: 'local', level: '7', timeout: 'abc' }),
    );
    expect(check(text, 'ossec@3.7').filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('offers the seconds a timeout spells with blanks, a plus or an s, and nothing else', () => {
    const fixed = (timeout: string) => at(timeout)[0]?.fix?.ops[0];
    for (const timeout of [' 600', '+600', '600 s', '600s ', '\t600\ts\t'])
      expect(fixed(timeout), timeout).toMatchObject({ value: '600' });
    for (const timeout of ['600ss', '6 00', '1234567890', 's', '+-600'])
      expect(fixed(timeout), timeout).toBeUndefined();
  });

  // The check once took quadratic time on a long run of blanks (80 kB: 14 s).
  it('reads a timeout of a million blanks in one pass', { timeout: FINISH_TEST_TIMEOUT_MS }, async () => {
    await finishes(`
      import { readDocument } from './src/core/model/read.ts';
      import { validate } from './src/core/validation/validate.ts';
      import { conf, HOST_DENY, response } from './src/core/validation/testing.ts';
      const timeout = '1' + ' '.repeat(1_000_000) + 'x';
      validate(readDocument(conf(HOST_DENY, response({ command: 'host-deny', location: 'local', level: '7', timeout }))));
    `);
  });

  it('does not fire on plain seconds', () => {
    expect(at('600')).toEqual([]);
    expect(at('0600')).toEqual([]);
  });
});
