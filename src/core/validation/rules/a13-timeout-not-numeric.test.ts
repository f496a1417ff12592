import { describe, expect, it } from 'vitest';
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

  it('does not fire on plain seconds', () => {
    expect(at('600')).toEqual([]);
    expect(at('0600')).toEqual([]);
  });
});
