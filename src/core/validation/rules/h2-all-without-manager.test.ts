import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, OSSEC_HOST_DENY, response } from '../testing';

describe('H2 all without the manager', () => {
  it('hints on Wazuh 4.x that all leaves the manager out', () => {
    expect(
      findings(
        'H2',
        conf(HOST_DENY, response({ command: 'host-deny', location: 'all', level: '7' })),
        'wazuh@4.0',
      ),
    ).toHaveLength(1);
  });

  it('does not fire for other locations, nor before Wazuh 4', () => {
    expect(
      findings('H2', conf(HOST_DENY, response({ command: 'host-deny', location: 'server', level: '7' }))),
    ).toEqual([]);
    expect(
      findings(
        'H2',
        conf(OSSEC_HOST_DENY, response({ command: 'host-deny', location: 'all', level: '7' })),
        'wazuh@3.13',
      ),
    ).toEqual([]);
  });
});
