import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { toProfile } from '../targets/target';
import { type Alert, ruleIdsOf, type SimulatedResponse, simulate, summarize } from './simulate';

const wazuh = toProfile('wazuh@4.14');
const wazuh41 = toProfile('wazuh@4.1');
const ossec = toProfile('ossec@3.7');

const config = (responses: string, command = 'host-deny', executable = 'host-deny', global = '') =>
  readDocument(`<ossec_config>
${global}
  <command>
    <name>${command}</name>
    <executable>${executable}</executable>
    <expect>srcip</expect>
    <timeout_allowed>yes</timeout_allowed>
  </command>
${responses}
</ossec_config>`);

const response = (inner: string) =>
  `  <active-response><command>host-deny</command>${inner}</active-response>`;

const sshAlert: Alert = {
  ruleId: 5712,
  level: 10,
  groups: 'syslog,sshd,authentication_failures,',
  agentId: '001',
  srcip: '203.0.113.9',
};

/** The one response of a one-response file. */
const only = (doc: ReturnType<typeof config>, alert: Alert, target = wazuh): SimulatedResponse => {
  const { responses } = simulate(doc, alert, target);
  expect(responses).toHaveLength(1);
  return responses[0];
};

describe('simulate: where and for how long', () => {
  it('runs a local response on the agent that raised the alert, undone after its timeout', () => {
    const doc = config(response('<location>local</location><level>7</level><timeout>600</timeout>'));
    expect(only(doc, sshAlert)).toMatchObject({
      fires: true,
      stage: 'fires',
      hosts: ['agent 001'],
      stateful: true,
      timeout: 600,
      arConfName: 'host-deny600',
      runsOn: 'agents',
    });
    expect(only(doc, { ...sshAlert, agentId: '000' })).toMatchObject({
      hosts: ['the manager'],
      runsOn: 'manager',
    });
    expect(only(doc, { ...sshAlert, level: 3 })).toMatchObject({ fires: false, runsOn: 'agents' });
    expect(only(doc, { ...sshAlert, agentId: undefined, agentName: 'web01' }).hosts).toEqual(['agent web01']);
  });

  it('sends defined-agent responses to the one agent_id, and every agent for all', () => {
    expect(
      only(
        config(response('<location>defined-agent</location><agent_id>7</agent_id><level>3</level>')),
        sshAlert,
      ).hosts,
    ).toEqual(['agent 007']);
    expect(only(config(response('<location>all</location><level>3</level>')), sshAlert).hosts).toEqual([
      'every active agent',
    ]);
    expect(
      only(config(response('<location>all</location><level>3</level>')), sshAlert, toProfile('ossec@2.8'))
        .hosts,
    ).toEqual(['every agent']);
  });

  it('picks one agent for local plus defined-agent as the version does', () => {
    const doc = config(
      response('<location>local,defined-agent</location><agent_id>5</agent_id><level>3</level>'),
    );
    // Wazuh 4.2+ decides in analysisd (defined agent first); before, remoted takes the alert's agent first.
    expect(only(doc, sshAlert).hosts).toEqual(['agent 005']);
    expect(only(doc, sshAlert, wazuh41).hosts).toEqual(['agent 001']);
  });

  it('gives the repeated-offender steps for a response the manager runs', () => {
    const doc = config(
      response(
        '<location>server</location><level>3</level><timeout>600</timeout><repeated_offenders>30,60</repeated_offenders>',
      ),
    );
    expect(only(doc, sshAlert).offences).toEqual([600, 1800, 3600]);
    expect(simulate(doc, sshAlert, wazuh).managerOffenders).toBe('30,60');
  });
});

describe('simulate: the decisive reason, in the daemon order', () => {
  it('reports start-up refusals first', () => {
    const refused = only(
      config(
        '  <active-response><command>nope</command><location>local</location><level>3</level></active-response>',
      ),
      {
        ...sshAlert,
        level: 0,
      },
    );
    expect(refused).toMatchObject({ fires: false, stage: 'start-up' });
    expect(refused.reason).toMatch(/refuses/);
  });

  it('stops at a rule of level 0 or with no_ar before looking at the triggers', () => {
    const doc = config(response('<location>local</location><rules_id>5712</rules_id>'));
    expect(only(doc, { ...sshAlert, level: 0 })).toMatchObject({
      stage: 'rule',
      reason: expect.stringMatching(/level 0/),
    });
    expect(only(doc, { ...sshAlert, noAr: true })).toMatchObject({
      stage: 'rule',
      reason: expect.stringMatching(/no_ar/),
    });
  });

  it('needs level and group together on Wazuh, either on OSSEC, and says which part failed', () => {
    const doc = config(
      response('<location>server</location><level>12</level><rules_group>sshd,</rules_group>'),
    );
    expect(only(doc, sshAlert)).toMatchObject({ fires: false, stage: 'binding' });
    expect(only(doc, sshAlert).reason).toMatch(/together: level 10 is below 12/);
    expect(only(doc, sshAlert, ossec)).toMatchObject({
      fires: true,
      reason: 'Fires: the groups match sshd,.',
    });
  });

  it('names every failed alternative of the binding', () => {
    const doc = config(
      response('<location>server</location><level>12</level><rules_id>5710, 5711</rules_id>'),
    );
    expect(only(doc, sshAlert).reason).toBe(
      'Does not fire: level 10 is below 12; rule 5712 is not in 5710, 5711.',
    );
  });

  it('reads a comma in rules_group literally and | as "or"; an invalid pattern matches nothing', () => {
    const comma = config(
      response(
        '<location>all</location><rules_group>authentication_failed,authentication_failures</rules_group>',
      ),
    );
    expect(only(comma, sshAlert).fires).toBe(false);
    const bar = config(
      response(
        '<location>all</location><rules_group>authentication_failed|authentication_failures</rules_group>',
      ),
    );
    expect(only(bar, sshAlert)).toMatchObject({
      fires: true,
      hosts: ['every active agent'],
      stateful: false,
    });
    const broken = config(response('<location>all</location><rules_group>(sshd</rules_group>'));
    expect(only(broken, sshAlert).reason).toMatch(
      /the daemon cannot compile \(sshd \(a parenthesis is never closed\), so it matches no group/,
    );
  });

  it('gates on <expect> before Wazuh 4.2, on the characters of the source IP and user from 4.2', () => {
    const doc = config(response('<location>local</location><rules_id>5712</rules_id>'));
    const noIp = { ...sshAlert, srcip: undefined };
    expect(only(doc, noIp, ossec)).toMatchObject({
      stage: 'alert-fields',
      reason: expect.stringMatching(/expects srcip/),
    });
    expect(only(doc, noIp).fires).toBe(true);
    expect(only(doc, { ...sshAlert, srcip: '1.2.3.4;rm' })).toMatchObject({
      stage: 'alert-fields',
      reason: expect.stringMatching(/CRAFTED_IP/),
    });
    expect(only(doc, { ...sshAlert, user: 'root`id`' })).toMatchObject({
      stage: 'alert-fields',
      reason: expect.stringMatching(/CRAFTED_USER/),
    });
  });

  it('on OSSEC 3.2+, runs nothing when no response runs on the manager', () => {
    const agentsOnly = config(response('<location>all</location><level>3</level>'));
    expect(only(agentsOnly, sshAlert, ossec)).toMatchObject({ fires: false, stage: 'exec-queue' });
    expect(only(agentsOnly, sshAlert, toProfile('ossec@2.8')).fires).toBe(true);
    const withServer = config(
      `${response('<location>all</location><level>3</level>')}\n${response('<location>server</location><level>15</level>')}`,
    );
    expect(
      simulate(withServer, sshAlert, ossec).responses.find((r) => r.hosts.includes('every agent'))?.fires,
    ).toBe(true);
  });

  it('silences a white-listed source IP, naming the entry, after the alert checks', () => {
    const global =
      '  <global>\n    <white_list>127.0.0.1</white_list>\n    <white_list>203.0.113.0/24</white_list>\n  </global>';
    const doc = config(
      response('<location>local</location><level>7</level>'),
      'host-deny',
      'host-deny',
      global,
    );
    const silenced = only(doc, sshAlert);
    expect(silenced).toMatchObject({ fires: false, stage: 'white-list' });
    expect(silenced.reason).toBe(
      'Bound to rule 5712 (level 10 ≥ 7), but not run: the source IP is white-listed: 203.0.113.9 is in 203.0.113.0/24 (<white_list> on line 4).',
    );
    expect(silenced.whiteListed?.value).toBe('203.0.113.0/24');
    expect(only(doc, { ...sshAlert, srcip: '198.51.100.1' }).fires).toBe(true);
    expect(simulate(doc, sshAlert, wazuh).whiteList).toMatchObject({ ip: '203.0.113.9', entries: 2 });
  });

  it('applies the white list only to commands that expect srcip before Wazuh 4.2', () => {
    const global = '  <global><white_list>203.0.113.0/24</white_list></global>';
    const noExpect = readDocument(`<ossec_config>
${global}
  <command><name>notify</name><executable>notify.sh</executable><expect></expect></command>
  <active-response><command>notify</command><location>server</location><level>3</level></active-response>
</ossec_config>`);
    expect(only(noExpect, sshAlert, wazuh41).fires).toBe(true);
    expect(only(noExpect, sshAlert, wazuh).stage).toBe('white-list');
  });

  it('closes the queues when a disabled yes block comes last', () => {
    const last = simulate(
      config(
        `${response('<location>local</location><level>3</level>')}\n  <active-response><disabled>yes</disabled></active-response>`,
      ),
      sshAlert,
      wazuh,
    ).responses;
    expect(last.find((r) => r.command === 'host-deny')).toMatchObject({ fires: false, stage: 'queue' });
    expect(last.find((r) => r.command === 'host-deny')?.reason).toMatch(/closed the agents' queue/);
    const first = simulate(
      config(
        `  <active-response><disabled>yes</disabled></active-response>\n${response('<location>local</location><level>3</level>')}`,
      ),
      sshAlert,
      wazuh,
    ).responses;
    expect(first[0]).toMatchObject({ command: 'host-deny', fires: true });
  });

  it('simulates nothing for a target that runs no response from the file', () => {
    const doc = config(response('<location>local</location><level>3</level>'));
    expect(simulate(doc, sshAlert, toProfile('wazuh@5.0'))).toMatchObject({
      responses: [],
      summary: expect.stringMatching(/runs no response from this file/),
    });
  });

  it('says when a white-list entry stops the manager', () => {
    const doc = config(
      response('<location>local</location><level>3</level>'),
      'host-deny',
      'host-deny',
      '  <global><white_list>10.0.0.0/33</white_list></global>',
    );
    expect(simulate(doc, sshAlert, wazuh).notes.join(' ')).toMatch(/does not start.*\(1237\)/);
  });
});

describe('simulate: the summary and the order', () => {
  it('puts the firing responses first and sums up where they run', () => {
    const doc = config(
      [
        response('<location>local</location><level>12</level>'),
        response('<location>local</location><level>7</level>'),
        response('<location>server</location><rules_id>5712</rules_id>'),
        response('<location>all</location><rules_group>web,</rules_group>'),
      ].join('\n'),
    );
    const { responses, summary } = simulate(doc, sshAlert, wazuh);
    expect(responses.map((r) => r.fires)).toEqual([true, true, false, false]);
    expect(responses.map((r) => r.blockIndex)).toEqual([2, 3, 1, 4]);
    expect(summary).toBe('2 of 4 responses fire, on agent 001 and the manager.');
  });

  it('words every count', () => {
    const r = (fires: boolean, hosts: string[] = []) =>
      ({
        fires,
        hosts,
        blockIndex: 0,
        reason: '',
        stage: 'fires',
        timeout: 0,
        stateful: false,
      }) as SimulatedResponse;
    expect(summarize([])).toBe('This file has no active response.');
    expect(summarize([r(false)])).toBe('The one response does not fire.');
    expect(summarize([r(false), r(false)])).toBe('None of the 2 responses fires.');
    expect(summarize([r(true, ['the manager'])])).toBe('1 of 1 response fires, on the manager.');
    expect(summarize([r(true, ['agent 001']), r(true, ['agent 001']), r(false)])).toBe(
      '2 of 3 responses fire, on agent 001.',
    );
    expect(
      summarize([r(true, ['agent 001']), r(true, ['the manager']), r(true, ['every active agent'])]),
    ).toBe('3 of 3 responses fire, on agent 001, the manager and every active agent.');
    const agents = Array.from({ length: 1200 }, (_, i) =>
      r(true, [`agent ${String(i + 1).padStart(3, '0')}`]),
    );
    expect(summarize(agents.slice(0, 6))).toBe(
      '6 of 6 responses fire, on agent 001, agent 002, agent 003, agent 004, agent 005 and agent 006.',
    );
    expect(summarize(agents)).toBe(
      '1,200 of 1,200 responses fire, on agent 001, agent 002, agent 003, agent 004, agent 005 and 1,195 other hosts.',
    );
  });
});

describe('rules_id and rules_group as analysisd reads them', () => {
  it('reads rules_id with blanks only between commas', () => {
    expect(ruleIdsOf('5710, 5712,,5715')).toEqual([5710, 5712, 5715]);
    expect(ruleIdsOf('5710 5712')).toEqual([5710]);
    expect(ruleIdsOf('5710;5712')).toEqual([5710]);
    expect(ruleIdsOf('x5710')).toEqual([]);
  });

  it("matches rules_group with the target's own OS_Regex: an empty one binds every rule on Wazuh 4.2+", () => {
    const empty = config(response('<location>server</location><rules_group></rules_group>'));
    expect(only(empty, sshAlert).fires).toBe(true);
    expect(only(empty, sshAlert, wazuh41).fires).toBe(false);
    expect(only(empty, sshAlert, ossec).reason).toMatch(/cannot compile/);
  });

  it('says a response is undecided when its rules_group is too complex to evaluate', () => {
    const heavy =
      '\\.\\d*\\S*\\s*\\s*\\w*\\d*\\W*\\d*\\d*\\S*\\s*\\s*\\S*\\w*\\S*\\W*\\d*\\S*\\S*\\s*\\w+\\W\\p\\S+\\.\\.*';
    const doc = config(
      `${response(`<location>server</location><rules_group>${heavy.repeat(3)}</rules_group>`)}\n${response('<location>server</location><rules_id>5712</rules_id>')}`,
    );
    const { responses, summary, notes } = simulate(doc, { ...sshAlert, groups: '111 '.repeat(100) }, wazuh);
    expect(responses.map((r) => [r.fires, r.stage])).toEqual([
      [true, 'fires'],
      [false, 'undecided'],
    ]);
    expect(responses[1].reason).toMatch(/^Undecided: .* too complex to evaluate/);
    expect(summary).toBe(
      '1 of 2 responses fires, on the manager. 1 could not be decided (too complex to evaluate).',
    );
    expect(notes.join(' ')).toMatch(/too complex/);
  });
});
