import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response, severities } from '../testing';

function at(agentId: string, target: string) {
  return findings(
    'A6',
    conf(
      HOST_DENY,
      response({ command: 'host-deny', location: 'defined-agent', agent_id: agentId, level: '7' }),
    ),
    target,
  );
}

describe('A6 agent_id 0', () => {
  it('warns (1306) that Wazuh 4.3+ drops it, for 0, 000, abc and empty', () => {
    for (const id of ['0', '000', 'abc', '']) {
      const [d] = at(id, 'wazuh@4.3');
      expect(d.severity).toBe('warning');
      expect(d.daemonMessage).toBe('(1306): Invalid agent ID. Use location=server to run AR on the manager.');
    }
  });

  it('before 4.3 keeps the block: 000 is the manager, text names no agent', () => {
    expect(at('000', 'wazuh@4.2')).toEqual([]);
    expect(at('abc', 'wazuh@4.2').map((d) => d.severity)).toEqual(['warning']);
    expect(at('000', 'ossec@4.2')).toEqual([]);
  });

  it('does not fire on a real agent ID, and never makes the file refused', () => {
    expect(at('001', 'wazuh@4.14')).toEqual([]);
    const text = conf(response({ command: 'nope', location: 'defined-agent', agent_id: '0', level: '1' }));
    expect(severities('A2', text, 'wazuh@4.14')).toEqual([]);
  });
});
