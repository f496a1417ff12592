import { describe, expect, it } from 'vitest';
import { conf, findings, response, severities } from '../testing';

describe('A16 ca_* in a manager file', () => {
  const text = conf(
    response({ disabled: 'no', ca_store: 'wpk_root.pem', ca_verification: 'yes', repeated_offenders: '1' }),
  );

  it('refuses ca_verification on every target, ca_store on OSSEC only', () => {
    expect(findings('A16', text, 'wazuh@4.14').map((d) => d.field)).toEqual(['ca_verification']);
    expect(findings('A16', text, 'wazuh@3.0').map((d) => d.field)).toEqual(['ca_verification']);
    expect(findings('A16', text, 'ossec@3.7').map((d) => d.field)).toEqual(['ca_store', 'ca_verification']);
    expect(findings('A16', text)[0].daemonMessage).toBe(
      "(1230): Invalid element in the configuration: 'ca_verification'.",
    );
  });

  it('does not fire in an agent file', () => {
    expect(severities('A16', text, 'wazuh@4.14', 'agent')).toEqual([]);
  });
});
