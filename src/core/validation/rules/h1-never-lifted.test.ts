import { describe, expect, it } from 'vitest';
import { command, conf, findings, response } from '../testing';

const cmd = command({ name: 'pf-block', executable: 'pf.sh', expect: 'srcip', timeout_allowed: 'yes' });

describe('H1 block never lifted', () => {
  it('hints that a blocking script without timeout is never undone', () => {
    const text = conf(
      cmd,
      response({ command: 'pf-block', location: 'defined-agent', agent_id: '001', rules_group: 'sshd' }),
    );
    expect(findings('H1', text, 'wazuh@4.1').map((d) => d.severity)).toEqual(['info']);
  });

  it('does not fire with a timeout, or for a script that does not block', () => {
    expect(
      findings(
        'H1',
        conf(cmd, response({ command: 'pf-block', location: 'local', level: '7', timeout: '600' })),
        'wazuh@4.1',
      ),
    ).toEqual([]);
    const mail = conf(
      command({ name: 'm', executable: 'mail-test.sh' }),
      response({ command: 'm', location: 'server', rules_id: '1' }),
    );
    expect(findings('H1', mail)).toEqual([]);
  });
});
