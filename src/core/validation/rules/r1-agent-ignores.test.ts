import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('R1 what an agent ignores', () => {
  it("hints that an agent's file does not define commands or triggers", () => {
    const text = conf(HOST_DENY, response({ command: 'host-deny', location: 'local', disabled: 'no' }));
    const found = findings('R1', text, 'wazuh@4.14', 'agent');
    expect(found.map((d) => [d.blockIndex, d.severity])).toEqual([
      [0, 'info'],
      [1, 'info'],
    ]);
    expect(found[1].message).toContain('<command>, <location>');
  });

  it('does not fire on what execd reads, nor on a manager', () => {
    expect(
      findings('R1', conf(response({ disabled: 'no', repeated_offenders: '5' })), 'wazuh@4.14', 'agent'),
    ).toEqual([]);
    expect(findings('R1', conf(HOST_DENY))).toEqual([]);
  });
});
