import { describe, expect, it } from 'vitest';
import { command, conf, severities } from '../testing';

describe('C6 extra_args unsupported', () => {
  const text = conf(command({ name: 'a', executable: 'a.sh', expect: '', extra_args: '-v' }));

  it('refuses extra_args on OSSEC and Wazuh before 3.5', () => {
    expect(severities('C6', text, 'ossec@4.2')).toEqual(['error']);
    expect(severities('C6', text, 'wazuh@3.4')).toEqual(['error']);
  });

  it('does not fire from Wazuh 3.5', () => {
    expect(severities('C6', text, 'wazuh@3.5')).toEqual([]);
  });
});
