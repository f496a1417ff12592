import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C3 expect deprecated', () => {
  const text = conf(command({ name: 'a', executable: 'a', expect: 'srcip' }));

  it('hints from Wazuh 4.2, quoting the debug message, with a fix that removes it', () => {
    const [d] = findings('C3', text, 'wazuh@4.2');
    expect(d).toMatchObject({ severity: 'info', field: 'expect' });
    expect(d.daemonMessage).toBe('The <expect> tag is deprecated since version 4.2.0.');
    expect(d.fix?.ops).toEqual([{ op: 'removeField', blockIndex: 0, field: 'expect' }]);
  });

  it('offers no fix when <expect> is all the block holds: empty, the daemon would refuse it (X4)', () => {
    const [d] = findings('C3', conf('<command><expect>srcip</expect></command>'), 'wazuh@4.2');
    expect(d.fix).toBeUndefined();
  });

  it('does not fire before 4.2 or on OSSEC', () => {
    expect(findings('C3', text, 'wazuh@4.1')).toEqual([]);
    expect(findings('C3', text, 'ossec@4.2')).toEqual([]);
  });
});
