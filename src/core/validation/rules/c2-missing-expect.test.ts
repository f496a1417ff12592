import { describe, expect, it } from 'vitest';
import { command, conf, severities } from '../testing';

describe('C2 missing expect', () => {
  const text = conf(command({ name: 'a', executable: 'a.sh' }));

  it('refuses a command without expect on OSSEC and Wazuh before 3.5', () => {
    expect(severities('C2', text, 'ossec@2.8')).toEqual(['error']);
    expect(severities('C2', text, 'wazuh@3.4')).toEqual(['error']);
  });

  it('does not fire from Wazuh 3.5, or with an empty expect', () => {
    expect(severities('C2', text, 'wazuh@3.5')).toEqual([]);
    expect(
      severities('C2', conf(command({ name: 'a', executable: 'a.sh', expect: '' })), 'ossec@3.7'),
    ).toEqual([]);
    expect(
      severities(
        'C2',
        conf('<command><name>a</name><executable>a.sh</executable><expect /></command>'),
        'ossec@3.7',
      ),
    ).toEqual([]);
  });
});
