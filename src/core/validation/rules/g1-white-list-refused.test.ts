import { describe, expect, it } from 'vitest';
import { findings } from '../testing';

const global = (...entries: string[]) =>
  `<ossec_config>\n  <global>\n${entries.map((e) => `    ${e}`).join('\n')}\n  </global>\n</ossec_config>\n`;

describe('G1 white-list entry the manager refuses', () => {
  it('fires on an address OS_IsValidIP cannot read, with the daemon message, per version', () => {
    const [d] = findings('G1', global('<white_list>192.168.001.010</white_list>'), 'wazuh@4.14');
    expect(d).toMatchObject({
      severity: 'error',
      line: 3,
      daemonMessage: "(1237): Invalid ip address: '192.168.001.010'.",
    });
    expect(d.message).toContain('without leading zeros');
    expect(findings('G1', global('<white_list>192.168.001.010</white_list>'), 'wazuh@4.3')).toEqual([]);
    expect(findings('G1', global('<white_list>10.0.0.0/33</white_list>'), 'ossec@3.7')).toHaveLength(1);
  });

  it('fires on <allow_list> where the version knows only <white_list>', () => {
    const text = global('<allow_list>10.0.0.5</allow_list>');
    const [d] = findings('G1', text, 'wazuh@4.14');
    expect(d.daemonMessage).toBe("(1230): Invalid element in the configuration: 'allow_list'.");
    expect(findings('G1', text, 'ossec@3.7')).toEqual([]);
  });

  it('does not fire on good entries, nor on an agent file', () => {
    expect(
      findings(
        'G1',
        global(
          '<white_list>127.0.0.1</white_list>',
          '<white_list>^localhost.localdomain$</white_list>',
          '<white_list>10.0.0.0/8</white_list>',
        ),
      ),
    ).toEqual([]);
    expect(findings('G1', global('<white_list>10.0.0.0/33</white_list>'), 'wazuh@4.14', 'agent')).toEqual([]);
  });
});
