import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('A5 defined-agent without agent_id', () => {
  it('refuses it (1304) and offers agent 001', () => {
    const [d] = findings(
      'A5',
      conf(HOST_DENY, response({ command: 'host-deny', location: 'defined-agent', level: '7' })),
    );
    expect(d).toMatchObject({ severity: 'error', daemonMessage: '(1304): No agent defined for response.' });
    expect(d.fix?.ops).toEqual([{ op: 'setField', blockIndex: 1, field: 'agent_id', value: '001' }]);
  });

  it('does not fire with an agent_id, even empty, or with another location', () => {
    const with_ = (fields: Record<string, string>) =>
      findings('A5', conf(HOST_DENY, response({ command: 'host-deny', level: '7', ...fields })));
    expect(with_({ location: 'defined-agent', agent_id: '001' })).toEqual([]);
    expect(with_({ location: 'defined-agent', agent_id: '' })).toEqual([]);
    expect(with_({ location: 'local' })).toEqual([]);
  });
});
