import { describe, expect, it } from 'vitest';
import { command, conf, findings, severities } from '../testing';

describe('C8 name starting with !', () => {
  const text = conf(command({ name: '!run', executable: 'a.sh', expect: '' }));

  it('is refused from Wazuh 3.7 (1235), every occurrence', () => {
    expect(findings('C8', text, 'wazuh@3.7')[0].daemonMessage).toBe(
      "(1235): Invalid value for element 'name': !run.",
    );
    const twice = conf(command({ name: '!run', 'name#2': 'run', executable: 'a.sh' }));
    expect(severities('C8', twice, 'wazuh@4.14')).toEqual(['error']);
  });

  it('is accepted by OSSEC and Wazuh 3.6, with a warning that agents refuse it', () => {
    expect(severities('C8', text, 'wazuh@3.6')).toEqual(['warning']);
    expect(severities('C8', text, 'ossec@4.2')).toEqual(['warning']);
  });

  it('does not fire on an ordinary name', () => {
    expect(findings('C8', conf(command({ name: 'run!', executable: 'a' })))).toEqual([]);
  });
});
