import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

const at = (location: string, role: 'manager' | 'agent' = 'manager') =>
  findings(
    'A19',
    conf(
      HOST_DENY,
      response({ command: 'host-deny', location, level: '7', timeout: '600', repeated_offenders: '30' }),
    ),
    'wazuh@4.14',
    role,
  );

describe('A19 repeated_offenders in a manager response run on agents', () => {
  it('warns for local, defined-agent and all', () => {
    expect(at('all').map((d) => d.severity)).toEqual(['warning']);
    expect(at('local')).toHaveLength(1);
  });

  it('does not fire for a response the manager runs, or in an agent file', () => {
    expect(at('server')).toEqual([]);
    expect(at('all', 'agent')).toEqual([]);
  });
});
