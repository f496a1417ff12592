import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { toProfile } from '../targets/target';
import { osRegexToRegExp } from './os-regex';
import { type Alert, ruleIdsOf, simulate } from './simulate';

const wazuh = toProfile('wazuh@4.14');
const ossec = toProfile('ossec@3.7');

const config = (responses: string, command = 'host-deny', executable = 'host-deny') =>
  readDocument(`<ossec_config>
  <command>
    <name>${command}</name>
    <executable>${executable}</executable>
    <expect>srcip</expect>
    <timeout_allowed>yes</timeout_allowed>
  </command>
${responses}
</ossec_config>`);

const sshAlert: Alert = {
  ruleId: 5712,
  level: 10,
  groups: 'syslog,sshd,authentication_failures,',
  agentId: '001',
  srcip: '203.0.113.9',
};

describe('simulate', () => {
  it('runs a local response on the agent that raised the alert, undone after its timeout', () => {
    const doc = config(
      '  <active-response><command>host-deny</command><location>local</location><level>7</level><timeout>600</timeout></active-response>',
    );
    const [response] = simulate(doc, sshAlert, wazuh).responses;
    expect(response).toMatchObject({
      fires: true,
      hosts: ['agent 001'],
      stateful: true,
      timeout: 600,
      arConfName: 'host-deny600',
    });
    expect(simulate(doc, { ...sshAlert, level: 5 }, wazuh).responses[0]).toMatchObject({ fires: false });
    expect(simulate(doc, { ...sshAlert, agentId: '000' }, wazuh).responses[0].hosts).toEqual(['the manager']);
  });

  it('needs level and group together on Wazuh, either on OSSEC', () => {
    const doc = config(
      '  <active-response><command>host-deny</command><location>server</location><level>12</level><rules_group>sshd,</rules_group></active-response>',
    );
    expect(simulate(doc, sshAlert, wazuh).responses[0].fires).toBe(false);
    expect(simulate(doc, sshAlert, ossec).responses[0]).toMatchObject({
      fires: true,
      hosts: ['the manager'],
    });
  });

  it('reads a comma in rules_group literally and | as "or"', () => {
    const comma = config(
      '  <active-response><command>host-deny</command><location>all</location><rules_group>authentication_failed,authentication_failures</rules_group></active-response>',
    );
    expect(simulate(comma, sshAlert, wazuh).responses[0].fires).toBe(false);
    const bar = config(
      '  <active-response><command>host-deny</command><location>all</location><rules_group>authentication_failed|authentication_failures</rules_group></active-response>',
    );
    expect(simulate(bar, sshAlert, wazuh).responses[0]).toMatchObject({
      fires: true,
      hosts: ['every active agent'],
      stateful: false,
    });
  });

  it('reads rules_id as analysisd does: blanks only between commas', () => {
    expect(ruleIdsOf('5710, 5712,,5715')).toEqual([5710, 5712, 5715]);
    expect(ruleIdsOf('5710 5712')).toEqual([5710]);
    expect(ruleIdsOf('5710;5712')).toEqual([5710]);
    expect(ruleIdsOf('x5710')).toEqual([]);
  });

  it('gates on <expect> before Wazuh 4.2 only', () => {
    const doc = config(
      '  <active-response><command>host-deny</command><location>local</location><rules_id>5712</rules_id></active-response>',
    );
    const noIp = { ...sshAlert, srcip: undefined };
    expect(simulate(doc, noIp, ossec).responses[0].reason).toMatch(/expects srcip/);
    expect(simulate(doc, noIp, wazuh).responses[0].fires).toBe(true);
    expect(simulate(doc, { ...sshAlert, srcip: '1.2.3.4;rm' }, wazuh).responses[0].fires).toBe(false);
  });

  it('sends defined-agent responses to the one agent_id', () => {
    const doc = config(
      '  <active-response><command>host-deny</command><location>defined-agent</location><agent_id>7</agent_id><level>3</level></active-response>',
    );
    expect(simulate(doc, sshAlert, wazuh).responses[0].hosts).toEqual(['agent 007']);
  });

  it('closes the queues when a disabled yes block comes last', () => {
    const blocks =
      '  <active-response><command>host-deny</command><location>local</location><level>3</level></active-response>\n' +
      '  <active-response><disabled>yes</disabled></active-response>';
    const last = simulate(config(blocks), sshAlert, wazuh).responses[0];
    expect(last).toMatchObject({ fires: false });
    expect(last.reason).toMatch(/closed the agents' queue/);
    const first = simulate(
      config(
        '  <active-response><disabled>yes</disabled></active-response>\n' +
          '  <active-response><command>host-deny</command><location>local</location><level>3</level></active-response>',
      ),
      sshAlert,
      wazuh,
    ).responses[1];
    expect(first.fires).toBe(true);
  });

  it('explains responses the manager drops or refuses', () => {
    const doc = config(
      '  <active-response><command>nope</command><location>local</location><level>3</level></active-response>',
    );
    expect(simulate(doc, sshAlert, wazuh).responses[0].reason).toMatch(/refuses/);
  });

  it('gives the repeated-offender timeline for a response the manager runs', () => {
    const doc = config(
      '  <active-response><command>host-deny</command><location>server</location><level>3</level><timeout>600</timeout><repeated_offenders>30,60</repeated_offenders></active-response>',
    );
    expect(simulate(doc, sshAlert, wazuh).responses[0].offences).toEqual([600, 1800, 3600]);
  });
});

describe('osRegexToRegExp', () => {
  it('matches like os_regex: anywhere, case-insensitive, with classes and a literal dot', () => {
    expect(osRegexToRegExp('SSHD')?.test('syslog,sshd,')).toBe(true);
    expect(osRegexToRegExp('^syslog,')?.test('syslog,sshd,')).toBe(true);
    expect(osRegexToRegExp('^sshd')?.test('syslog,sshd,')).toBe(false);
    expect(osRegexToRegExp('web\\w+,')?.test('web_attack,')).toBe(true);
    expect(osRegexToRegExp('a.b')?.test('axb')).toBe(false);
    expect(osRegexToRegExp('a\\.b')?.test('axb')).toBe(true);
    expect(osRegexToRegExp('trailing\\')).toBeNull();
  });
});
