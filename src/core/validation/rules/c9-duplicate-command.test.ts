import { describe, expect, it } from 'vitest';
import { arConfLines } from '../../derive/ar-conf';
import { applyOps } from '../../model/edit';
import { readDocument } from '../../model/read';
import { check, command, conf, findings, response } from '../testing';

describe('C9 duplicate command', () => {
  it('warns on the second definition of a name: the first wins', () => {
    const text = conf(command({ name: 'a', executable: '1' }), command({ name: 'a', executable: '2' }));
    const [d] = findings('C9', text);
    expect(d).toMatchObject({ severity: 'warning', blockIndex: 1, field: 'name' });
    expect(d.message).toContain('line 2');
  });

  it('removes the second definition, which no response can reach, and keeps what the daemon does', () => {
    const user = command({ name: 'firewall-drop', executable: 'firewall-drop', timeout_allowed: 'yes' });
    const stock = command({ name: 'firewall-drop', executable: 'firewall-drop.sh', expect: 'srcip' });
    const early = response({ command: 'firewall-drop', location: 'local', level: '7', timeout: '600' });
    const late = response({ command: 'firewall-drop', location: 'all', level: '9', timeout: '60' });
    const text = conf(user, early, stock, late);
    const [d] = findings('C9', text);
    expect(d.message).toBe(
      "'firewall-drop' is already defined on line 2: the first definition wins, so this one is never used (it differs: <executable> 'firewall-drop.sh' here, 'firewall-drop' there, <timeout_allowed> none here, 'yes' there, <expect> 'srcip' here, none there).",
    );
    expect(d.fix?.title).toBe("Remove this unused definition (line 2's is used)");
    const fixed = applyOps(readDocument(text), d.fix?.ops ?? []);
    expect(fixed.text).toBe(conf(user, early, late));
    // Both responses used the first definition before and still do: the same ar.conf lines.
    expect(arConfLines(fixed, 'wazuh@4.14')).toEqual(arConfLines(readDocument(text), 'wazuh@4.14'));
    expect(arConfLines(fixed, 'wazuh@4.14')).toEqual([
      'firewall-drop600 - firewall-drop - 600',
      'firewall-drop60 - firewall-drop - 60',
    ]);
    expect(check(fixed.text).filter((x) => x.code === 'C9')).toEqual([]);
  });

  it('does not fire on names that differ, even only by case or blanks', () => {
    expect(
      findings('C9', conf(command({ name: 'a', executable: '1' }), command({ name: 'A', executable: '2' }))),
    ).toEqual([]);
  });
});

describe('C9 built-in names', () => {
  const restart = conf(command({ name: 'restart-ossec', executable: 'restart-ossec.sh', expect: '' }));

  it('hints that restart-ossec is built in where the templates no longer define it (Wazuh 4.2+)', () => {
    expect(findings('C9', restart, 'wazuh@4.2').map((d) => d.severity)).toEqual(['info']);
  });

  it('does not fire where it is a stock command', () => {
    expect(findings('C9', restart, 'wazuh@4.1')).toEqual([]);
    expect(
      findings('C9', conf(command({ name: 'restart-wazuh', executable: 'restart-wazuh' })), 'wazuh@4.14'),
    ).toEqual([]);
  });
});
