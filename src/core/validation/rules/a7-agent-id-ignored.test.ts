import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

function at(fields: Record<string, string>) {
  return findings('A7', conf(HOST_DENY, response({ command: 'host-deny', level: '7', ...fields })));
}

describe('A7 agent_id ignored', () => {
  it('warns on a list, on a repeated agent_id, and on agent_id without defined-agent', () => {
    expect(at({ location: 'defined-agent', agent_id: '001,002' })[0].message).toContain('one agent, 001');
    expect(at({ location: 'defined-agent', agent_id: '001', 'agent_id#2': '002' })).toHaveLength(1);
    expect(at({ location: 'local', agent_id: '001' })[0].severity).toBe('warning');
  });

  it('does not fire on one agent ID with defined-agent', () => {
    expect(at({ location: 'defined-agent', agent_id: '001' })).toEqual([]);
  });
});
