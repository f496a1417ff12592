import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('A10 no trigger', () => {
  const at = (fields: Record<string, string>) =>
    findings('A10', conf(HOST_DENY, response({ command: 'host-deny', location: 'local', ...fields })));

  it('warns when no level, rules_id or rules_group is set, or level is 0', () => {
    expect(at({}).map((d) => d.severity)).toEqual(['warning']);
    expect(at({ level: '0' })).toHaveLength(1);
  });

  it('does not fire with any trigger', () => {
    expect(at({ level: '3' })).toEqual([]);
    expect(at({ rules_id: '5710' })).toEqual([]);
    expect(at({ rules_group: 'sshd' })).toEqual([]);
  });
});
