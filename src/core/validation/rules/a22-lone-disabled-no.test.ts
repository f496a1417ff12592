import { describe, expect, it } from 'vitest';
import { conf, findings, response } from '../testing';

describe("A22 the agent's lone disabled-no block in a manager file", () => {
  const text = conf(response({ disabled: 'no' }));

  it('refuses it on a manager (1281), once, not also as A1', () => {
    const [d] = findings('A22', text);
    expect(d.daemonMessage).toBe('(1281): Missing options in the active response configuration.');
    expect(findings('A1', text)).toEqual([]);
  });

  it('does not fire on an agent, nor with repeated_offenders beside it', () => {
    expect(findings('A22', text, 'wazuh@4.14', 'agent')).toEqual([]);
    expect(findings('A22', conf(response({ disabled: 'no', repeated_offenders: '30' })))).toEqual([]);
  });
});
