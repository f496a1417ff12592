import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { parseTarget } from '../targets/target';
import { agentSettings } from './agent-settings';

const wazuh = parseTarget('wazuh@4.14');

const manager = (responses: string) => `<ossec_config>
  <command>
    <name>firewall-drop</name>
    <executable>firewall-drop</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>
${responses}</ossec_config>
`;

describe('agentSettings', () => {
  it('takes an agent file’s settings as its execd reads them', () => {
    const doc = readDocument(`<ossec_config>
  <client><server><address>10.0.0.1</address></server></client>
  <active-response>
    <disabled>no</disabled>
    <repeated_offenders>30,60,120</repeated_offenders>
  </active-response>
</ossec_config>
`);
    const settings = agentSettings(doc, wazuh, 'auto');
    expect(settings.origin).toBe('agent-file');
    expect(settings.misplaced).toEqual([]);
    expect(settings.block).toBe(
      '<active-response>\n  <disabled>no</disabled>\n  <repeated_offenders>30,60,120</repeated_offenders>\n</active-response>\n',
    );
    expect(settings.file).toBe(
      '<ossec_config>\n  <active-response>\n    <disabled>no</disabled>\n    <repeated_offenders>30,60,120</repeated_offenders>\n  </active-response>\n</ossec_config>\n',
    );
  });

  it('moves repeated_offenders out of a manager file whose responses run on agents, and says so', () => {
    const doc = readDocument(
      manager(`  <active-response>
    <command>firewall-drop</command>
    <location>all</location>
    <level>10</level>
    <timeout>600</timeout>
    <repeated_offenders>10,20</repeated_offenders>
  </active-response>
`),
    );
    const settings = agentSettings(doc, wazuh, 'auto');
    expect(settings.origin).toBe('moved');
    expect(settings.repeatedOffenders).toBe('10,20');
    expect(settings.misplaced).toHaveLength(1);
    expect(settings.misplaced[0]).toMatchObject({
      where: 'manager-file',
      element: 'repeated_offenders',
      line: 12,
    });
    expect(settings.misplaced[0].message).toMatch(/agents never read it there/);
  });

  it('leaves repeated_offenders alone when every response runs on the manager itself', () => {
    const doc = readDocument(
      manager(`  <active-response>
    <command>firewall-drop</command>
    <location>server</location>
    <level>10</level>
    <timeout>600</timeout>
    <repeated_offenders>10,20</repeated_offenders>
  </active-response>
`),
    );
    const settings = agentSettings(doc, wazuh, 'manager');
    expect(settings.misplaced).toEqual([]);
    expect(settings.origin).toBe('default');
    expect(settings.block).toBe('<active-response>\n  <disabled>no</disabled>\n</active-response>\n');
  });

  it('flags an agent’s lone disabled block pasted into the manager file, not a response’s own disabled', () => {
    const doc = readDocument(
      manager(`  <active-response>
    <disabled>no</disabled>
  </active-response>
  <active-response>
    <disabled>yes</disabled>
    <command>firewall-drop</command>
    <location>local</location>
    <level>3</level>
  </active-response>
`),
    );
    const settings = agentSettings(doc, wazuh, 'manager');
    expect(settings.misplaced.map((m) => [m.element, m.value, m.line])).toEqual([['disabled', 'no', 8]]);
  });

  it('flags both settings in a centralized agent.conf, which execd never reads', () => {
    const doc = readDocument(`<agent_config>
  <active-response>
    <disabled>no</disabled>
    <repeated_offenders>5,15</repeated_offenders>
  </active-response>
</agent_config>
`);
    const settings = agentSettings(doc, wazuh, 'auto');
    expect(settings.misplaced.map((m) => [m.where, m.element])).toEqual([
      ['agent-conf', 'repeated_offenders'],
      ['agent-conf', 'disabled'],
    ]);
    expect(settings.misplaced[0].message).toMatch(
      /agent\.conf: execd reads only each agent's own ossec\.conf/,
    );
    expect(settings.repeatedOffenders).toBe('5,15');
  });

  it('reminds that OSSEC Windows agents start with active response disabled', () => {
    expect(agentSettings(readDocument(manager('')), parseTarget('ossec@3.7'), 'manager').notes[0]).toMatch(
      /Windows start with active response disabled/,
    );
  });
});
