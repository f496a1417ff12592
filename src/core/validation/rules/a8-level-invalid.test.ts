import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

function at(level: string, extra: Record<string, string> = {}, target = 'wazuh@4.14') {
  return findings(
    'A8',
    conf(HOST_DENY, response({ command: 'host-deny', location: 'local', level, ...extra })),
    target,
  );
}

describe('A8 level invalid', () => {
  it('refuses -1, 21, +7, 7.5 and a padded level (reference §13)', () => {
    for (const level of ['-1', '21', '+7', '7.5', ' 7', '>7']) {
      expect(at(level).map((d) => d.severity)).toEqual(['error']);
    }
    expect(at('21')[0].daemonMessage).toBe("(1235): Invalid value for element 'level': 21.");
    expect(at(' 7')[0].fix?.ops).toEqual([{ op: 'setField', blockIndex: 1, field: 'level', value: '7' }]);
  });

  it('accepts 07, 0, 20 and an empty level', () => {
    for (const level of ['07', '0', '20', '']) expect(at(level)).toEqual([]);
  });

  it('checks every <level>, and disabled blocks too (the check runs in the element loop)', () => {
    expect(at('x', { 'level#2': '7' })).toHaveLength(1);
    expect(at('99', { disabled: 'yes' }, 'ossec@3.7')).toHaveLength(1);
  });
});
