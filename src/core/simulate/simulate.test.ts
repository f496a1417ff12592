import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { toProfile } from '../targets/target';
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
      outcome: 'fires',
      hosts: ['agent 001'],
      stateful: true,
      timeout: 600,
      arConfName: 'host-deny600',
    });
    expect(simulate(doc, { ...sshAlert, level: 5 }, wazuh).responses[0]).toMatchObject({ outcome: 'idle' });
    expect(simulate(doc, { ...sshAlert, agentId: '000' }, wazuh).responses[0].hosts).toEqual(['the manager']);
  });

  it('needs level and group together on Wazuh, either on OSSEC', () => {
    const doc = config(
      '  <active-response><command>host-deny</command><location>server</location><level>12</level><rules_group>sshd,</rules_group></active-response>',
    );
    expect(simulate(doc, sshAlert, wazuh).responses[0].outcome).toBe('idle');
    expect(simulate(doc, sshAlert, ossec).responses[0]).toMatchObject({
      outcome: 'fires',
      hosts: ['the manager'],
    });
  });

  it('reads a comma in rules_group literally and | as "or"', () => {
    const comma = config(
      '  <active-response><command>host-deny</command><location>all</location><rules_group>authentication_failed,authentication_failures</rules_group></active-response>',
    );
    expect(simulate(comma, sshAlert, wazuh).responses[0].outcome).toBe('idle');
    const bar = config(
      '  <active-response><command>host-deny</command><location>all</location><rules_group>authentication_failed|authentication_failures</rules_group></active-response>',
    );
    expect(simulate(bar, sshAlert, wazuh).responses[0]).toMatchObject({
      outcome: 'fires',
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
    expect(simulate(doc, noIp, wazuh).responses[0].outcome).toBe('fires');
    expect(simulate(doc, { ...sshAlert, srcip: '1.2.3.4;rm' }, wazuh).responses[0].outcome).toBe('idle');
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
    expect(last).toMatchObject({ outcome: 'idle' });
    expect(last.reason).toMatch(/closed the agents' queue/);
    const first = simulate(
      config(
        '  <active-response><disabled>yes</disabled></active-response>\n' +
          '  <active-response><command>host-deny</command><location>local</location><level>3</level></active-response>',
      ),
      sshAlert,
      wazuh,
    ).responses[1];
    expect(first.outcome).toBe('fires');
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

  it("matches rules_group with the target's own OS_Regex: an empty one binds every rule on Wazuh 4.2+", () => {
    const empty = config(
      '  <active-response><command>host-deny</command><location>server</location><rules_group></rules_group></active-response>',
    );
    expect(simulate(empty, sshAlert, wazuh).responses[0].outcome).toBe('fires');
    expect(simulate(empty, sshAlert, toProfile('wazuh@4.1')).responses[0].outcome).toBe('idle');
    expect(simulate(empty, sshAlert, ossec).responses[0].reason).toMatch(/cannot compile/);
  });

  it('says a response is undecided when its rules_group is too complex to evaluate', () => {
    const heavy = `\\.\\d*\\S*\\s*\\s*\\w*\\d*\\W*\\d*\\d*\\S*\\s*\\s*\\S*\\w*\\S*\\W*\\d*\\S*\\S*\\s*\\w+\\W\\p\\S+\\.\\.*`;
    const doc = config(
      `  <active-response><command>host-deny</command><location>server</location><rules_group>${heavy.repeat(3)}</rules_group></active-response>\n` +
        '  <active-response><command>host-deny</command><location>server</location><rules_id>5712</rules_id></active-response>',
    );
    const { responses, notes } = simulate(doc, { ...sshAlert, groups: '111 '.repeat(100) }, wazuh);
    expect(responses.map((r) => r.outcome)).toEqual(['undecided', 'fires']);
    expect(responses[0].reason).toMatch(/^Undecided: .* too complex to evaluate/);
    expect(notes.join(' ')).toMatch(/too complex/);
  });
});
