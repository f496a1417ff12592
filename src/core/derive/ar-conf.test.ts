import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { arConfKey, arConfLines } from './ar-conf';

const HOST_DENY = `<command><name>host-deny</name><executable>host-deny.sh</executable><expect>srcip</expect><timeout_allowed>yes</timeout_allowed></command>`;
const MAIL = `<command><name>mail-test</name><executable>mail-test.sh</executable><expect></expect></command>`;

function conf(...blocks: string[]): string {
  return `<ossec_config>\n${blocks.join('\n')}\n</ossec_config>\n`;
}

function ar(fields: string): string {
  return `<active-response>${fields}</active-response>`;
}

function lines(text: string, target = 'wazuh@4.14', snippet = false): string[] {
  return arConfLines(readDocument(text, 'utf-8', snippet), target, 'manager');
}

describe('arConfLines', () => {
  it('writes "<name><timeout> - <executable> - <timeout>" per accepted response, and nothing else', () => {
    const text = conf(
      HOST_DENY,
      MAIL,
      ar('<command>host-deny</command><location>local</location><level>7</level><timeout>600</timeout>'),
      ar('<command>mail-test</command><location>server</location><rules_id>1002</rules_id>'),
    );
    expect(lines(text)).toEqual(['host-deny600 - host-deny.sh - 600', 'mail-test0 - mail-test.sh - 0']);
  });

  it('reads the timeout through atoi: 600s, abc, -1 and a 32-bit wrap (reference §13)', () => {
    const with_ = (t: string) =>
      lines(
        conf(HOST_DENY, ar(`<command>host-deny</command><location>local</location><timeout>${t}</timeout>`)),
      );
    expect(with_('600s')).toEqual(['host-deny600 - host-deny.sh - 600']);
    expect(with_('abc')).toEqual(['host-deny0 - host-deny.sh - 0']);
    expect(with_('')).toEqual(['host-deny0 - host-deny.sh - 0']);
    expect(with_('-1')).toEqual(['host-deny-1 - host-deny.sh - -1']);
    expect(with_('4294967896')).toEqual(['host-deny600 - host-deny.sh - 600']);
  });

  it('resets the timeout to 0 on Wazuh 3.7+ when the command lacks timeout_allowed yes; older targets refuse', () => {
    const text = conf(
      MAIL,
      ar('<command>mail-test</command><location>server</location><timeout>700</timeout>'),
    );
    expect(lines(text, 'wazuh@3.7')).toEqual(['mail-test0 - mail-test.sh - 0']);
    expect(lines(text, 'wazuh@4.14')).toEqual(['mail-test0 - mail-test.sh - 0']);
    expect(lines(text, 'wazuh@3.6')).toEqual([]);
    expect(lines(text, 'ossec@3.7')).toEqual([]);
  });

  it('writes nothing for a disabled block, and on OSSEC 2.8 nothing for every block after one', () => {
    const text = conf(
      HOST_DENY,
      ar('<command>host-deny</command><location>local</location><timeout>60</timeout>'),
      ar('<disabled>yes</disabled><command>nope</command><location>local</location>'),
      ar('<command>host-deny</command><location>local</location><timeout>600</timeout>'),
    );
    expect(lines(text, 'ossec@3.7')).toEqual([
      'host-deny60 - host-deny.sh - 60',
      'host-deny600 - host-deny.sh - 600',
    ]);
    expect(lines(text, 'ossec@2.8')).toEqual(['host-deny60 - host-deny.sh - 60']);
  });

  it('drops defined-agent with agent_id 0 on Wazuh 4.3+ and keeps it before', () => {
    const text = conf(
      HOST_DENY,
      ar('<command>host-deny</command><location>defined-agent</location><agent_id>000</agent_id>'),
    );
    expect(lines(text, 'wazuh@4.3')).toEqual([]);
    expect(lines(text, 'wazuh@4.2')).toEqual(['host-deny0 - host-deny.sh - 0']);
    expect(lines(text, 'ossec@4.2')).toEqual(['host-deny0 - host-deny.sh - 0']);
  });

  it('resolves to the first definition of a name, and keeps padded names with their spaces', () => {
    const text = conf(
      '<command><name>x</name><executable>first.sh</executable></command>',
      '<command><name>x</name><executable>second.sh</executable></command>',
      '<command><name> x</name><executable>padded.sh</executable></command>',
      ar('<command>x</command><location>server</location>'),
      ar('<command> x</command><location>server</location>'),
    );
    expect(lines(text)).toEqual(['x0 - first.sh - 0', ' x0 - padded.sh - 0']);
  });

  it('writes an empty name on OSSEC, where an empty command reference matches it; Wazuh 4.4+ refuses', () => {
    const text = conf(
      '<command><name></name><executable>host-deny.sh</executable><expect/><timeout_allowed>yes</timeout_allowed></command>',
      ar('<command></command><location>local</location><timeout>600</timeout>'),
    );
    expect(lines(text, 'ossec@4.2')).toEqual(['600 - host-deny.sh - 600']);
    expect(lines(text, 'wazuh@4.4')).toEqual([]);
  });

  it('cuts a key past 255 bytes, losing the timeout suffix', () => {
    expect(arConfKey('a'.repeat(254), 600)).toBe(`${'a'.repeat(254)}6`);
    expect(arConfKey('a'.repeat(300), 600)).toBe('a'.repeat(255));
  });

  it('adds nothing for an agent file or a centralized agent.conf', () => {
    const agent =
      '<ossec_config><client/><active-response><disabled>no</disabled></active-response></ossec_config>';
    expect(arConfLines(readDocument(agent), 'wazuh@4.14')).toEqual([]);
    expect(arConfLines(readDocument('<agent_config>\n</agent_config>\n'), 'wazuh@4.14', 'manager')).toEqual(
      [],
    );
  });

  it("relies on the target's stock commands for a snippet that only holds responses", () => {
    const fragment = ar(
      '<command>host-deny</command><location>local</location><level>6</level><timeout>600</timeout>',
    );
    expect(lines(fragment, 'ossec@3.7', true)).toEqual(['host-deny600 - host-deny.sh - 600']);
    expect(lines(fragment, 'wazuh@4.14', true)).toEqual(['host-deny600 - host-deny - 600']);
    // Given as a whole file, nothing defines host-deny: the manager refuses the response.
    expect(lines(fragment, 'wazuh@4.14')).toEqual([]);
  });
});
