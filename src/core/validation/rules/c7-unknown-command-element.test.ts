import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C7 unknown command element', () => {
  it('refuses an element <command> does not know', () => {
    const [d] = findings('C7', conf(command({ name: 'a', executable: 'a', timeout: '600' })));
    expect(d).toMatchObject({ severity: 'error', field: 'timeout' });
    expect(d.daemonMessage).toBe("(1230): Invalid element in the configuration: 'timeout'.");
  });

  it('leaves extra_args to C6 and accepts the known elements', () => {
    const text = conf(
      command({ name: 'a', executable: 'a', expect: '', timeout_allowed: 'no', extra_args: '' }),
    );
    expect(findings('C7', text, 'ossec@3.7')).toEqual([]);
    expect(findings('C7', text, 'wazuh@4.14')).toEqual([]);
  });

  it('does not fire on a `var` element in any case: the configuration reader never sees it', () => {
    const text = conf(command({ name: 'a', executable: 'a', var: 'x', VAR: 'y' }));
    expect(findings('C7', text)).toEqual([]);
  });
});
