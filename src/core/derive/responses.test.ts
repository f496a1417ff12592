import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { deriveResponses } from './responses';

const FIREWALL = `<command><name>firewall-drop</name><executable>firewall-drop</executable><timeout_allowed>yes</timeout_allowed></command>`;

function conf(...blocks: string[]): string {
  return `<ossec_config>\n${blocks.join('\n')}\n</ossec_config>\n`;
}

describe('deriveResponses', () => {
  it('summarizes a stateful response with repeat-offender timeouts (DESIGN §5)', () => {
    const text = conf(
      FIREWALL,
      '<active-response><command>firewall-drop</command><location>local</location><level>10</level><timeout>600</timeout><repeated_offenders>30,60,120</repeated_offenders></active-response>',
    );
    const [r] = deriveResponses(readDocument(text), 'wazuh@4.14', 'manager');
    expect(r).toMatchObject({
      outcome: 'accepted',
      stateful: true,
      effectiveTimeout: 600,
      commandBlockIndex: 0,
    });
    expect(r.arConfLine).toBe('firewall-drop600 - firewall-drop - 600');
    expect(r.summary).toBe(
      'Runs firewall-drop on the agent that raised the alert when a rule of level 10 or more fires; undone after 600 s, then 30, 60, 120 min for repeat offenders.',
    );
  });

  it('says level and group must both match on Wazuh, either on OSSEC', () => {
    const text = conf(
      FIREWALL,
      '<active-response><command>firewall-drop</command><location>all</location><level>5</level><rules_group>sshd</rules_group></active-response>',
    );
    expect(deriveResponses(readDocument(text), 'wazuh@4.14', 'manager')[0].summary).toBe(
      'Runs firewall-drop on every active agent when a rule of level 5 or more in group sshd fires; never undone (stateless).',
    );
    expect(deriveResponses(readDocument(text), 'ossec@3.7', 'manager')[0].summary).toBe(
      'Runs firewall-drop on every active agent when a rule of level 5 or more, or a rule in group sshd fires; never undone (stateless).',
    );
  });

  it('explains a reset timeout, a response that never fires, and blocks the manager does not run', () => {
    const text = conf(
      '<command><name>mail</name><executable>mail.sh</executable></command>',
      '<active-response><command>mail</command><location>defined-agent</location><agent_id>001</agent_id><timeout>60</timeout></active-response>',
      '<active-response><disabled>yes</disabled></active-response>',
      '<active-response><command>mail</command><location>defined-agent</location><agent_id>0</agent_id><rules_id>1</rules_id></active-response>',
    );
    const [reset, disabled, dropped] = deriveResponses(readDocument(text), 'wazuh@4.14', 'manager');
    expect(reset.stateful).toBe(false);
    expect(reset.effectiveTimeout).toBe(0);
    expect(reset.summary).toBe(
      'Never fires: it has no level, rules_id or rules_group (it would run mail on agent 001).',
    );
    expect(disabled.outcome).toBe('disabled');
    expect(dropped.outcome).toBe('dropped');
    expect(dropped.arConfLine).toBeUndefined();
  });

  it('lists rule IDs as one rule among them, with a singular verb', () => {
    const response = (ids: string) =>
      conf(
        FIREWALL,
        `<active-response><command>firewall-drop</command><location>local</location><rules_id>${ids}</rules_id></active-response>`,
      );
    const summary = (ids: string) => deriveResponses(readDocument(response(ids)), 'wazuh@4.14')[0].summary;
    expect(summary('5712')).toBe(
      'Runs firewall-drop on the agent that raised the alert when rule 5712 fires; never undone (stateless).',
    );
    expect(summary('100900, 100901,100902')).toContain('when rule 100900, 100901 or 100902 fires;');
    expect(summary('1,2,3,4,5,6,7,8')).toContain('when one of 8 rules (1, 2, 3, …) fires;');
  });
});
