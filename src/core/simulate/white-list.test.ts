import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { toProfile } from '../targets/target';
import { checkWhiteList, readWhiteList } from './white-list';

const configWith = (...entries: string[]) =>
  readDocument(`<ossec_config>
  <global>
    <email_notification>no</email_notification>
${entries.map((e) => `    ${e}`).join('\n')}
  </global>
</ossec_config>
`);

/** Whether `ip` is white-listed on `target` by a file holding these `<white_list>` values. */
function listed(target: string, values: string[], ip: string): boolean {
  const profile = toProfile(target);
  const list = readWhiteList(configWith(...values.map((v) => `<white_list>${v}</white_list>`)), profile);
  return checkWhiteList(list, ip, profile).hit !== null;
}

const ALL = ['ossec@2.8', 'ossec@3.7', 'ossec@4.2', 'wazuh@3.7', 'wazuh@4.3', 'wazuh@4.14'];

describe('reading <global><white_list>', () => {
  it('collects every entry of every <global> in file order, with where it is', () => {
    const doc = readDocument(`<ossec_config>
  <global><white_list>127.0.0.1</white_list></global>
</ossec_config>
<ossec_config>
  <global>
    <white_list>^localhost.localdomain$</white_list>
    <!-- <white_list>10.0.0.1</white_list> -->
    <white_list>10.0.0.0/8</white_list>
  </global>
</ossec_config>`);
    const { entries } = readWhiteList(doc, toProfile('wazuh@4.14'));
    expect(entries.map((e) => [e.value, e.kind])).toEqual([
      ['127.0.0.1', 'address'],
      ['^localhost.localdomain$', 'name'],
      ['10.0.0.0/8', 'address'],
    ]);
    expect(doc.text.slice(entries[2].offset, entries[2].endOffset)).toBe(
      '<white_list>10.0.0.0/8</white_list>',
    );
  });

  it('reads <allow_list> only where the version knows it (OSSEC 3.6+)', () => {
    const doc = configWith('<allow_list>10.0.0.5</allow_list>');
    expect(readWhiteList(doc, toProfile('ossec@3.7')).entries).toHaveLength(1);
    expect(readWhiteList(doc, toProfile('ossec@2.8')).entries).toHaveLength(0);
    expect(readWhiteList(doc, toProfile('wazuh@4.14')).entries).toHaveLength(0);
  });

  it('says which entries stop the manager, with its message', () => {
    const refused = (target: string, value: string) =>
      readWhiteList(configWith(`<white_list>${value}</white_list>`), toProfile(target)).refused.map(
        (e) => e.daemonMessage,
      );
    expect(refused('wazuh@4.14', '192.168.001.010')).toEqual([
      "(1237): Invalid ip address: '192.168.001.010'.",
    ]);
    expect(refused('wazuh@4.3', '192.168.001.010')).toEqual([]);
    expect(refused('ossec@3.7', '10.0.0.0/255.255.255.0')).toEqual([
      "ossec-analysisd(1237): ERROR: Invalid ip address: '10.0.0.0/255.255.255.0'.",
    ]);
    for (const target of ALL.filter((t) => t !== 'ossec@4.2'))
      expect(refused(target, '10.0.0.0/33'), target).toHaveLength(1);
    // OSSEC 4.1+ lets OS_IsValidIP decide, so an address it cannot read simply becomes a name.
    expect(refused('ossec@4.2', '10.0.0.0/33')).toEqual([]);
    // inet_addr's plain branch has no special case for 0.0.0.0.
    expect(refused('wazuh@4.3', '0.0.0.0')).toHaveLength(1);
    expect(refused('wazuh@4.14', '0.0.0.0')).toEqual([]);
    expect(refused('ossec@2.8', 'x'.repeat(2049))).toHaveLength(1);
  });
});

describe('a source IP against the list, per version', () => {
  it('matches plain addresses and CIDR ranges in every version', () => {
    for (const target of ALL) {
      expect(listed(target, ['10.0.0.0/8'], '10.20.30.40'), target).toBe(true);
      expect(listed(target, ['10.0.0.0/8'], '11.0.0.1'), target).toBe(false);
      expect(listed(target, ['192.168.1.0/24'], '192.168.1.77'), target).toBe(true);
      expect(listed(target, ['192.168.1.0/24'], '192.168.2.1'), target).toBe(false);
      expect(listed(target, ['203.0.113.7'], '203.0.113.7'), target).toBe(true);
      expect(listed(target, ['203.0.113.7'], '203.0.113.70'), target).toBe(false);
      // get_ip() drops a leading ::ffff: before the lookup.
      expect(listed(target, ['10.0.0.0/8'], '::ffff:10.0.0.5'), target).toBe(true);
    }
  });

  it('reads a leading zero as octal before Wazuh 4.4, and refuses it from 4.4', () => {
    for (const target of ['ossec@2.8', 'ossec@3.7', 'wazuh@4.3']) {
      expect(listed(target, ['010.0.0.1'], '8.0.0.1'), target).toBe(true);
      expect(listed(target, ['010.0.0.1'], '10.0.0.1'), target).toBe(false);
    }
    expect(listed('wazuh@4.14', ['010.0.0.1'], '10.0.0.1')).toBe(false);
  });

  it('takes an empty CIDR as /0 where the version lets it through (OSSEC, Wazuh before 3.8)', () => {
    expect(listed('ossec@3.7', ['10.0.0.0/'], '198.51.100.1')).toBe(true);
    expect(listed('wazuh@3.7', ['10.0.0.0/'], '198.51.100.1')).toBe(true);
    // Wazuh 3.8+ reads it as a name pattern, which an IP never contains.
    expect(listed('wazuh@4.14', ['10.0.0.0/'], '10.0.0.1')).toBe(false);
  });

  it('takes the mask of a dotted netmask from the address before Wazuh 4.4', () => {
    expect(listed('wazuh@4.14', ['192.168.1.0/255.255.255.0'], '192.168.1.9')).toBe(true);
    expect(listed('wazuh@4.14', ['192.168.1.0/255.255.255.0'], '192.168.3.9')).toBe(false);
    // inet_addr(192.168.1.0) is the mask: every address with those bits set matches.
    expect(listed('wazuh@4.3', ['192.168.1.0/255.255.255.0'], '192.168.3.9')).toBe(true);
    expect(listed('wazuh@4.3', ['192.168.1.0/255.255.255.0'], '10.0.0.1')).toBe(false);
  });

  it('keeps a ! as "not" per version: sticky before 4.4, dropped in 4.4+, per entry on OSSEC 4.1+', () => {
    const list = ['!10.0.0.1', '10.0.0.0/8'];
    // Wazuh 3.8–4.3: after the ! entry every answer flips, even for the range after it.
    expect(listed('wazuh@4.3', list, '10.0.0.1')).toBe(false);
    expect(listed('wazuh@4.3', list, '10.0.0.2')).toBe(false);
    expect(listed('wazuh@4.3', list, '198.51.100.1')).toBe(true);
    // Wazuh 4.4+: the ! is skipped before the entry is stored.
    expect(listed('wazuh@4.14', list, '10.0.0.1')).toBe(true);
    expect(listed('wazuh@4.14', list, '198.51.100.1')).toBe(false);
    // OSSEC 4.2: each entry has its own sign, and the last one decides for an unlisted address.
    expect(listed('ossec@4.2', list, '10.0.0.1')).toBe(false);
    expect(listed('ossec@4.2', list, '10.0.0.2')).toBe(true);
    expect(listed('ossec@4.2', list, '198.51.100.1')).toBe(false);
    expect(listed('ossec@4.2', ['10.0.0.0/8', '!10.0.0.1'], '198.51.100.1')).toBe(true);
    // OSSEC 3.7's regular expression sends it to the names, where it is a prefix test.
    expect(listed('ossec@3.7', list, '10.0.0.1')).toBe(true);
  });

  it('reads IPv6 entries as addresses on OSSEC 4.1+ only; Wazuh makes them name patterns', () => {
    expect(listed('ossec@4.2', ['2001:db8::/32'], '2001:db8::1')).toBe(true);
    expect(listed('ossec@4.2', ['2001:db8::/32'], '2001:db9::1')).toBe(false);
    expect(listed('wazuh@4.14', ['2001:db8::/32'], '2001:db8::1')).toBe(false);
    // As a name pattern it is a substring test on the text.
    expect(listed('wazuh@4.14', ['2001:db8::1'], '2001:db8::10')).toBe(true);
    expect(listed('ossec@4.2', ['any'], '2001:db8::1')).toBe(true);
  });

  it('compares an IPv6 source with IPv4 entries as each version does', () => {
    const profile = toProfile('wazuh@4.14');
    const list = readWhiteList(configWith('<white_list>0.0.0.0/0</white_list>'), profile);
    const check = checkWhiteList(list, '2001:db8::1', profile);
    expect(check.hit).toBeNull();
    expect(check.note).toMatch(/undefined behaviour/);
    // inet_addr cannot read it and answers 255.255.255.255, which 0.0.0.0/0 covers.
    expect(listed('wazuh@4.3', ['0.0.0.0/0'], '2001:db8::1')).toBe(true);
    expect(listed('wazuh@4.3', ['10.0.0.0/8'], '2001:db8::1')).toBe(false);
  });

  it('matches every source IP with an empty entry where names are OSMatch patterns', () => {
    expect(listed('wazuh@4.14', [''], '203.0.113.7')).toBe(true);
    expect(listed('ossec@2.8', [''], '203.0.113.7')).toBe(true);
    expect(listed('ossec@3.7', [''], '203.0.113.7')).toBe(false);
    expect(listed('wazuh@4.14', ['^localhost.localdomain$'], '127.0.0.1')).toBe(false);
  });

  it('names the entry and the reason of a hit', () => {
    const profile = toProfile('wazuh@4.14');
    const list = readWhiteList(
      configWith('<white_list>127.0.0.1</white_list>', '<white_list>10.0.0.0/8</white_list>'),
      profile,
    );
    const { hit } = checkWhiteList(list, '10.1.2.3', profile);
    expect(hit?.entry?.value).toBe('10.0.0.0/8');
    expect(hit?.because).toBe('10.1.2.3 is in 10.0.0.0/8');
  });
});
