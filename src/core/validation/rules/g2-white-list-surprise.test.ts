import { describe, expect, it } from 'vitest';
import { findings } from '../testing';

const global = (...entries: string[]) =>
  `<ossec_config>\n  <global>\n${entries.map((e) => `    ${e}`).join('\n')}\n  </global>\n</ossec_config>\n`;
const messages = (target: string, ...values: string[]) =>
  findings('G2', global(...values.map((v) => `<white_list>${v}</white_list>`)), target).map((d) => d.message);

describe('G2 white-list entry read otherwise than it looks', () => {
  it('fires on an entry that covers every source IP', () => {
    expect(messages('wazuh@4.14', '')[0]).toMatch(/matches every source IP/);
    expect(messages('wazuh@4.14', '0.0.0.0/0')[0]).toMatch(/covers every address/);
    expect(messages('ossec@3.7', '10.0.0.0/')[0]).toMatch(/covers every address/);
    expect(messages('ossec@4.2', 'any')[0]).toMatch(/covers every address/);
  });

  it('fires on IPv6 entries Wazuh compares as text, and on a ! as each version reads it', () => {
    expect(messages('wazuh@4.14', '2001:db8::/32')[0]).toMatch(/its range matches nothing/);
    expect(messages('ossec@4.2', '2001:db8::/32')).toEqual([]);
    expect(messages('wazuh@4.14', '::1')[0]).toMatch(/also matches every source IP that contains it/);
    // OSSEC 3.x tests names as prefixes, so its stock ::1 stays exact; a range still matches nothing.
    expect(messages('ossec@3.7', '::1')).toEqual([]);
    expect(messages('ossec@3.7', '2001:db8::/32')[0]).toMatch(/its range matches nothing/);
    expect(messages('wazuh@4.3', '!10.0.0.1')[0]).toMatch(/reverses the rest of the list/);
    expect(messages('wazuh@4.14', '!10.0.0.1')[0]).toMatch(/drops the leading !/);
    expect(messages('wazuh@4.14', '!attacker')[0]).toMatch(/does not contain attacker/);
  });

  it('does not fire on plain addresses, ranges and names', () => {
    expect(messages('wazuh@4.14', '127.0.0.1', '10.0.0.0/8', '^localhost.localdomain$')).toEqual([]);
    expect(findings('G2', global('<white_list></white_list>'), 'wazuh@4.14', 'agent')).toEqual([]);
  });
});
