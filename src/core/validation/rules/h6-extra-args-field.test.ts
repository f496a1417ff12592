import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('H6 extra_args naming an alert field', () => {
  // The lguifer file: field names written in <extra_args> as if it were <expect>.
  const text = conf(
    command({ name: 'firewall-drop', executable: 'firewall-drop', extra_args: 'srcip' }),
    command({ name: 'script', executable: 'script.sh', extra_args: '-v dest_ip' }),
  );

  it('says the script gets the word, and where the value really comes from on the target', () => {
    const found = findings('H6', text);
    expect(found.map((d) => [d.severity, d.blockIndex, d.field])).toEqual([
      ['info', 0, 'extra_args'],
      ['info', 1, 'extra_args'],
    ]);
    expect(found[0].message).toBe(
      "<extra_args> passes 'srcip' to the script as a word, not the alert's value: on Wazuh 4.14 the script reads the whole alert, that field included, as JSON on its standard input.",
    );
    expect(found[1].message).toContain("'dest_ip'");
    expect(findings('H6', text, 'wazuh@4.1')[0].message).toContain('when <expect> lists them');
  });

  it('does not fire on real arguments, where extra_args is refused anyway, or on an agent', () => {
    const real = conf(
      command({ name: 'yara', executable: 'yara.sh', extra_args: '-yara_rules /opt/rules -C' }),
    );
    expect(findings('H6', real)).toEqual([]);
    expect(findings('H6', text, 'wazuh@3.4')).toEqual([]);
    expect(findings('H6', text, 'wazuh@4.14', 'agent')).toEqual([]);
  });
});
