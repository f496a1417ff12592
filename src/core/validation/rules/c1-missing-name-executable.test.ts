import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C1 missing name or executable', () => {
  it('refuses a command without name or executable, worded per version', () => {
    const text = conf(command({ name: 'a', expect: '' }));
    expect(findings('C1', text)[0].daemonMessage).toBe(
      "(1280): Missing command options. You must specify a 'name' and 'executable'.",
    );
    expect(findings('C1', text, 'wazuh@3.4')[0].daemonMessage).toBe(
      "(1280): Missing command options. You must specify a 'name', 'executable' and 'expect'.",
    );
    expect(findings('C1', conf(command({ executable: 'a.sh' })))).toHaveLength(1);
  });

  it('does not fire when both are there (even empty), or on an agent', () => {
    expect(findings('C1', conf(command({ name: '', executable: '' })))).toEqual([]);
    expect(findings('C1', conf(command({ name: 'a' })), 'wazuh@4.14', 'agent')).toEqual([]);
  });
});
