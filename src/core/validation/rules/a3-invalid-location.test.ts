import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response, severities } from '../testing';

describe('A3 invalid location', () => {
  it('refuses a location with no token (1302)', () => {
    const [d] = findings(
      'A3',
      conf(HOST_DENY, response({ command: 'host-deny', location: 'everywhere', level: '7' })),
    );
    expect(d.daemonMessage).toBe("(1302): Invalid active response location: 'everywhere'.");
    expect(d.field).toBe('location');
  });

  it('refuses an empty location with (1302) before Wazuh 4.4, where 1281 takes over', () => {
    const text = conf(HOST_DENY, response({ command: 'host-deny', location: '', level: '7' }));
    expect(severities('A3', text, 'wazuh@4.3')).toEqual(['error']);
    expect(severities('A3', text, 'wazuh@4.4')).toEqual([]);
  });

  it('does not fire on the canonical words or on loose spellings the daemon matches', () => {
    for (const location of ['local', 'server', 'all', 'LOCAL', 'any', 'alias']) {
      expect(
        findings('A3', conf(HOST_DENY, response({ command: 'host-deny', location, level: '7' }))),
      ).toEqual([]);
    }
  });
});
