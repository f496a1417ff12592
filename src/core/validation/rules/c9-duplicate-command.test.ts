import { describe, expect, it } from 'vitest';
import { command, conf, findings } from '../testing';

describe('C9 duplicate command', () => {
  it('warns on the second definition of a name: the first wins', () => {
    const text = conf(command({ name: 'a', executable: '1' }), command({ name: 'a', executable: '2' }));
    const [d] = findings('C9', text);
    expect(d).toMatchObject({ severity: 'warning', blockIndex: 1, field: 'name' });
    expect(d.message).toContain('line 2');
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
