import { describe, expect, it } from 'vitest';
import { conf, findings, HOST_DENY, response, severities } from '../testing';

describe('A1 missing command or location', () => {
  it('refuses a response without command or location (1281)', () => {
    const [d] = findings('A1', conf(HOST_DENY, response({ command: 'host-deny', level: '7' })));
    expect(d).toMatchObject({ severity: 'error', blockIndex: 1 });
    expect(d.daemonMessage).toBe('(1281): Missing options in the active response configuration.');
  });

  it('treats an empty command or location as missing from Wazuh 4.4 only', () => {
    const text = conf(HOST_DENY, response({ command: 'host-deny', location: '', level: '7' }));
    expect(severities('A1', text, 'wazuh@4.4')).toEqual(['error']);
    expect(severities('A1', text, 'wazuh@4.3')).toEqual([]);
  });

  it('lets repeated_offenders pass, warning when a half-written response is skipped', () => {
    expect(severities('A1', conf(response({ repeated_offenders: '30,60' })))).toEqual([]);
    expect(
      severities('A1', conf(HOST_DENY, response({ command: 'host-deny', repeated_offenders: '30' }))),
    ).toEqual(['warning']);
  });

  it('does not fire on a disabled block, or on an agent', () => {
    expect(severities('A1', conf(response({ disabled: 'yes', command: 'x' })))).toEqual([]);
    expect(severities('A1', conf(response({ command: 'x', level: '3' })), 'wazuh@4.14', 'agent')).toEqual([]);
  });
});
