import { describe, expect, it } from 'vitest';
import { conf, response, severities } from '../testing';

const at = (verification: string, target: string) =>
  severities(
    'A17',
    conf(response({ disabled: 'no', ca_store: 'wpk_root.pem', ca_verification: verification })),
    target,
    'agent',
  );

describe('A17 ca_* in an agent file', () => {
  it('hints at the deprecated location from Wazuh 4.1', () => {
    expect(at('yes', 'wazuh@4.1')).toEqual(['info', 'info']);
    expect(at('YES', 'wazuh@4.14')).toEqual(['info', 'info']);
  });

  it('refuses a bad ca_verification from 4.1 (agent-upgrade), warns in 3.3-4.0 (execd)', () => {
    expect(at('maybe', 'wazuh@4.1')).toEqual(['info', 'error']);
    expect(at('maybe', 'wazuh@4.0')).toEqual(['warning']);
    expect(at('maybe', 'wazuh@3.3')).toEqual(['warning']);
  });

  it('says which agents never read them', () => {
    expect(at('yes', 'wazuh@3.2')).toEqual(['info']);
    expect(at('yes', 'ossec@3.7')).toEqual(['info', 'info']);
  });

  it('does not fire on Wazuh 3.x execd reading valid values, nor on a manager', () => {
    expect(at('yes', 'wazuh@3.13')).toEqual([]);
    expect(severities('A17', conf(response({ ca_store: 'x' })), 'wazuh@4.14', 'manager')).toEqual([]);
  });
});
