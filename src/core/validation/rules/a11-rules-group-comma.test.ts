import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('A11 comma in rules_group', () => {
  const at = (group: string) =>
    findings(
      'A11',
      conf(HOST_DENY, response({ command: 'host-deny', location: 'local', rules_group: group })),
    );

  it('warns and rewrites the list with |', () => {
    const [d] = at('authentication_failed,authentication_failures');
    expect(d.severity).toBe('warning');
    expect(d.fix?.ops).toEqual([
      {
        op: 'setField',
        blockIndex: 1,
        field: 'rules_group',
        value: 'authentication_failed|authentication_failures',
      },
    ]);
    expect(at('sshd,')[0].fix?.ops[0]).toMatchObject({ value: 'sshd' });
  });

  it('does not fire on | alternatives, or on a comma beside |', () => {
    expect(at('authentication_failed|authentication_failures')).toEqual([]);
    expect(at('sshd,|pci_dss_11.4,')).toEqual([]);
  });
});
