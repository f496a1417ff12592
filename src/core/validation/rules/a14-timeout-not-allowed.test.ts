import { describe, expect, it } from 'vitest';
import { command, conf, findings, response } from '../testing';

const text = conf(
  command({ name: 'firewall-drop', executable: 'firewall-drop.sh', expect: 'srcip' }),
  response({ command: 'firewall-drop', location: 'all', level: '7', timeout: '700' }),
);

describe('A14 timeout not allowed', () => {
  it('refuses on OSSEC and Wazuh before 3.7 (1305 ERROR)', () => {
    const [d] = findings('A14', text, 'wazuh@3.6');
    expect(d).toMatchObject({ severity: 'error', field: 'timeout' });
    expect(d.daemonMessage).toBe("(1305): Timeout not allowed for command: 'firewall-drop'.");
    expect(findings('A14', text, 'ossec@4.2')[0].daemonMessage).toBe(
      "ossec-analysisd(1305): ERROR: Timeout not allowed for command: 'firewall-drop'.",
    );
  });

  it('warns from Wazuh 3.7, where the timeout is reset to 0, and fixes the command', () => {
    const [d] = findings('A14', text, 'wazuh@3.7');
    expect(d.severity).toBe('warning');
    expect(d.fix?.ops).toEqual([{ op: 'setField', blockIndex: 0, field: 'timeout_allowed', value: 'yes' }]);
  });

  it('counts a negative timeout, and a value atoi reads as 0 is no timeout', () => {
    const with_ = (timeout: string) =>
      findings(
        'A14',
        conf(
          command({ name: 'a', executable: 'a', timeout_allowed: 'no' }),
          response({ command: 'a', location: 'server', level: '3', timeout }),
        ),
      );
    expect(with_('-1')).toHaveLength(1);
    expect(with_('abc')).toEqual([]);
  });

  it('does not fire when the command allows a timeout', () => {
    const allowed = conf(
      command({ name: 'a', executable: 'a', timeout_allowed: 'yes' }),
      response({ command: 'a', location: 'local', level: '3', timeout: '600' }),
    );
    expect(findings('A14', allowed, 'ossec@2.8')).toEqual([]);
  });
});
