import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C11 non-stock executable', () => {
  const sh = conf(command({ name: 'firewall-drop', executable: 'firewall-drop.sh', expect: 'srcip' }));
  const bare = conf(command({ name: 'firewall-drop', executable: 'firewall-drop', expect: 'srcip' }));

  it('renames a stock script to its name on the target, across the 4.2 boundary both ways', () => {
    expect(findings('C11', sh, 'wazuh@4.2')[0].fix?.ops).toEqual([
      { op: 'setField', blockIndex: 0, field: 'executable', value: 'firewall-drop' },
    ]);
    expect(findings('C11', bare, 'wazuh@4.1')[0].fix?.ops).toEqual([
      { op: 'setField', blockIndex: 0, field: 'executable', value: 'firewall-drop.sh' },
    ]);
  });

  it('hints on a custom script, quoting the agent, without a fix', () => {
    const [d] = findings('C11', conf(command({ name: 'm', executable: 'mail-test.sh' })));
    expect(d).toMatchObject({ severity: 'info', field: 'executable' });
    expect(d.daemonMessage).toBe(
      "Active response command not present: 'mail-test.sh'. Not using it on this system.",
    );
    expect(d.fix).toBeUndefined();
  });

  it('does not fire on the stock name of the target', () => {
    expect(findings('C11', sh, 'wazuh@4.1')).toEqual([]);
    expect(findings('C11', bare, 'wazuh@4.2')).toEqual([]);
    expect(findings('C11', sh, 'ossec@2.8')).toEqual([]);
  });
});
