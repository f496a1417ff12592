import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('A20 unknown response element', () => {
  it('refuses a typo such as disbaled (1230)', () => {
    const [d] = findings(
      'A20',
      conf(HOST_DENY, response({ disbaled: 'no', command: 'host-deny', location: 'local', level: '1' })),
    );
    expect(d).toMatchObject({ severity: 'error', field: 'disbaled' });
    expect(d.daemonMessage).toBe("(1230): Invalid element in the configuration: 'disbaled'.");
  });

  it('does not fire on known elements, nor on an agent, and leaves ca_* to A16', () => {
    const text = conf(
      HOST_DENY,
      response({
        command: 'host-deny',
        location: 'defined-agent',
        agent_id: '1',
        rules_id: '1',
        rules_group: 'a',
        level: '1',
        timeout: '1',
        disabled: 'no',
        repeated_offenders: '1',
        ca_verification: 'yes',
      }),
    );
    expect(findings('A20', text)).toEqual([]);
    expect(findings('A20', conf(response({ foo: 'x' })), 'wazuh@4.14', 'agent')).toEqual([]);
  });

  it('does not fire on a `var` element in any case: the configuration reader never sees it', () => {
    const text = conf(response({ command: 'a', location: 'local', var: 'x', Var: 'y', VAR: 'z' }));
    expect(findings('A20', text)).toEqual([]);
  });
});
