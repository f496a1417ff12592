import { describe, expect, it } from 'vitest';
import { removeBlock } from '../model/edit';
import { readDocument } from '../model/read';
import { command, conf, response } from '../validation/testing';
import { migrate, statusOf } from './migrate';
import { definitionProblems, monitorProblems } from './server-rules';
import type { MigratedResponse } from './types';

const FIREWALL = command({ name: 'firewall-drop', executable: 'firewall-drop', timeout_allowed: 'yes' });

function one(text: string, from = 'wazuh@4.14'): MigratedResponse {
  const m = migrate(readDocument(text), { from });
  expect(m.responses).toHaveLength(1);
  const [r] = m.responses;
  if (r.definition) expect(definitionProblems(r.definition)).toEqual([]);
  if (r.monitor && r.definition) expect(monitorProblems(r.monitor, r.definition.config_id)).toEqual([]);
  return r;
}

const reasons = (r: MigratedResponse) => r.items.map((i) => `${i.kind} ${i.reason}`);

describe('migrate', () => {
  it('folds a stock firewall response into an exact stateful block-ip definition and a disabled monitor', () => {
    const r = one(
      conf(FIREWALL, response({ command: 'firewall-drop', location: 'local', level: '10', timeout: '600' })),
    );
    expect(r.status).toBe('exact');
    expect(r.definition).toEqual({
      config_id: 'ar-studio-firewall-drop-local',
      config: {
        name: 'firewall-drop-local',
        description:
          'Runs firewall-drop on the agent that raised the alert when a rule of level 10 or more fires; undone after 600 s.',
        config_type: 'active_response',
        is_enabled: true,
        active_response: {
          type: 'stateful',
          stateful_timeout: 600,
          executable: 'block-ip',
          location: 'local',
        },
      },
    });
    const monitor = r.monitor as NonNullable<MigratedResponse['monitor']>;
    expect(monitor.monitor_type).toBe('active_response_monitor');
    expect(monitor.enabled).toBe(false);
    expect(monitor.inputs[0].doc_level_input.indices).toEqual(['wazuh-findings-v5-*']);
    expect(monitor.inputs[0].doc_level_input.queries[0].query).toBe('wazuh.rule.level:>=10');
    expect(monitor.inputs[0].doc_level_input.description).toContain('<level>10</level>');
    const action = monitor.triggers[0].document_level_trigger.actions[0];
    expect(action.destination_id).toBe('ar-studio-firewall-drop-local');
    expect(action.message_template.source).toBe('{{ctx.alerts.0.related_doc_ids}}');
    expect(action.action_execution_policy.action_execution_scope.per_alert.actionable_alerts).toEqual([]);
    expect(reasons(r)).toEqual([
      'exact folded-into-block-ip',
      'exact same-location',
      'exact timeout-to-stateful',
      'dropped timeout-allowed-no-field',
      'suggestion level-query',
    ]);
  });

  it('leaves a placeholder and quotes the 4.x condition for rule IDs, which have no 5.x mapping', () => {
    const r = one(
      conf(
        FIREWALL,
        response({ command: 'firewall-drop', location: 'local', rules_id: '5712,5720', level: '10' }),
      ),
    );
    expect(r.status).toBe('needs-review');
    const input = r.monitor?.inputs[0].doc_level_input;
    expect(input?.queries[0].query).toBe(
      'wazuh.rule.title:("REPLACE with the 5.x wazuh.rule.title of 4.x rule 5712" OR "REPLACE with the 5.x wazuh.rule.title of 4.x rule 5720") OR wazuh.rule.level:>=10',
    );
    expect(input?.description).toContain('<rules_id>5712,5720</rules_id> <level>10</level>');
    expect(reasons(r)).toContain('placeholder rules-id-placeholder');
  });

  it('combines level and groups the way the source version does: and on Wazuh, or on OSSEC', () => {
    const block = response({
      command: 'firewall-drop',
      location: 'local',
      level: '7',
      rules_group: 'sshd|web',
    });
    const wazuh = one(conf(FIREWALL, block));
    expect(wazuh.monitor?.inputs[0].doc_level_input.queries[0].query).toBe(
      'wazuh.rule.level:>=7 AND wazuh.rule.groups:("sshd" OR "web")',
    );
    const ossec = command({
      name: 'firewall-drop',
      executable: 'firewall-drop.sh',
      expect: 'srcip',
      timeout_allowed: 'yes',
    });
    expect(one(conf(ossec, block), 'ossec@3.7').monitor?.inputs[0].doc_level_input.queries[0].query).toBe(
      'wazuh.rule.level:>=7 OR wazuh.rule.groups:("sshd" OR "web")',
    );
  });

  it('cannot migrate the server location, and says the documented workaround', () => {
    const r = one(conf(FIREWALL, response({ command: 'firewall-drop', location: 'server', level: '10' })));
    expect(r.status).toBe('cannot-migrate');
    expect(r.definition).toBeUndefined();
    const server = r.items.find((i) => i.reason === 'server-location');
    expect(server?.kind).toBe('impossible');
    expect(server?.text).toContain('install an agent on the manager host and use location defined-agent');
  });

  it('keeps a custom script with its extra_args and gives the checklist for the 5.x standard input', () => {
    const text = conf(
      command({
        name: 'block-ssh',
        executable: 'block-ssh.sh',
        timeout_allowed: 'yes',
        extra_args: '--severity high',
      }),
      response({
        command: 'block-ssh',
        location: 'defined-agent',
        agent_id: '001',
        rules_id: '5760',
        timeout: '60',
      }),
    );
    const r = one(text);
    expect(r.status).toBe('needs-review');
    expect(r.definition?.config.active_response).toEqual({
      type: 'stateful',
      stateful_timeout: 60,
      executable: 'block-ssh.sh',
      extra_args: '--severity high',
      location: 'defined-agent',
      agent_id: '001',
    });
    expect(reasons(r)).toContain('rewrite custom-script');
    expect(r.checklist.join('\n')).toMatch(/exactly one JSON line/);
    expect(r.checklist.join('\n')).toMatch(/"enable".*"disable".*"add" and "delete"/);
    expect(r.checklist.join('\n')).toMatch(/wazuh\.active_response\.extra_arguments/);
    expect(r.checklist.join('\n')).toMatch(/check_keys/);
  });

  it('carries a disabled response over as is_enabled false, described as it would run', () => {
    const r = one(
      conf(FIREWALL, response({ disabled: 'yes', command: 'firewall-drop', location: 'all', level: '12' })),
    );
    expect(r.status).toBe('exact');
    expect(r.definition?.config.is_enabled).toBe(false);
    expect(r.definition?.config.description).toMatch(/^Runs firewall-drop on every active agent/);
    expect(reasons(r)).toContain('exact disabled-to-is-enabled');
  });

  it('marks what is lost: repeated_offenders, white_list, a timeout 4.x never applied, a restart', () => {
    const text = `<ossec_config>\n  <global>\n    <white_list>10.0.0.1</white_list>\n  </global>\n${conf(
      command({ name: 'quiet', executable: 'custom.sh' }),
      FIREWALL,
      command({ name: 'restart', executable: 'restart-wazuh' }),
      response({ command: 'quiet', location: 'local', level: '5', timeout: '30' }),
      response({
        command: 'firewall-drop',
        location: 'local',
        level: '5',
        timeout: '30',
        repeated_offenders: '5,10',
      }),
      response({ command: 'restart', location: 'local', rules_id: '1' }),
    ).replace('<ossec_config>\n', '')}`;
    const m = migrate(readDocument(text));
    const [quiet, firewall, restart] = m.responses;
    expect(reasons(quiet)).toContain('suggestion timeout-reset-in-source');
    expect(quiet.definition?.config.active_response.type).toBe('stateless');
    expect(reasons(firewall)).toContain('lost repeated-offenders');
    expect(firewall.items.find((i) => i.reason === 'white-list')?.text).toContain(
      'AND NOT source.ip:("10.0.0.1")',
    );
    expect(restart.status).toBe('cannot-migrate');
    expect(reasons(restart)).toContain('impossible restart-moved-to-control-module');
    expect(m.notes.map((n) => n.reason)).toContain('white-list-refused');
    expect(m.status).toBe('cannot-migrate');
  });

  it('cannot migrate what the source version refuses or drops', () => {
    const m = migrate(
      readDocument(
        conf(
          response({ command: 'nowhere', location: 'local', level: '3' }),
          FIREWALL,
          response({ command: 'firewall-drop', location: 'defined-agent', agent_id: '000', level: '3' }),
        ),
      ),
    );
    expect(m.responses.map((r) => [r.status, r.items[0].reason])).toEqual([
      ['cannot-migrate', 'refused-by-source'],
      ['cannot-migrate', 'dropped-by-source'],
    ]);
  });

  it('names definitions uniquely, with config ids the indexer accepts', () => {
    const block = response({ command: 'firewall-drop', location: 'local', level: '10' });
    const m = migrate(readDocument(conf(FIREWALL, block, block, block)));
    expect(m.responses.map((r) => r.definition?.config_id)).toEqual([
      'ar-studio-firewall-drop-local',
      'ar-studio-firewall-drop-local-2',
      'ar-studio-firewall-drop-local-3',
    ]);
  });

  it("reads an agent's file as settings only, and drops its <command> blocks", () => {
    const agent =
      '<ossec_config>\n  <client/>\n  <command><name>x</name><executable>x</executable></command>\n  <active-response>\n    <disabled>no</disabled>\n    <repeated_offenders>10,20</repeated_offenders>\n  </active-response>\n</ossec_config>\n';
    const m = migrate(readDocument(agent));
    expect(m.role).toBe('agent');
    expect(m.responses).toEqual([]);
    expect(m.cleaned.text).toBe(
      '<ossec_config>\n  <client/>\n  <active-response>\n    <disabled>no</disabled>\n    <repeated_offenders>10,20</repeated_offenders>\n  </active-response>\n</ossec_config>\n',
    );
    expect(m.agentSettings).toBe(
      '<ossec_config>\n  <active-response>\n    <disabled>no</disabled>\n    <repeated_offenders>10,20</repeated_offenders>\n  </active-response>\n</ossec_config>\n',
    );
  });

  it('removes the blocks exactly as removeBlock does, keeping every other byte (CRLF included)', () => {
    const text = conf(
      FIREWALL,
      '<!-- keep -->',
      response({ command: 'firewall-drop', location: 'local', level: '3' }),
    )
      .replaceAll('\n', '\r\n')
      .replace('<ossec_config>', '<ossec_config>\t');
    const doc = readDocument(text);
    let expected = doc;
    for (let i = doc.blocks.length - 1; i >= 0; i--) expected = removeBlock(expected, i);
    const m = migrate(doc);
    expect(m.cleaned.text).toBe(expected.text);
    expect(m.cleaned.text).toBe('<ossec_config>\t\r\n  <!-- keep -->\r\n</ossec_config>\r\n');
  });

  it('refuses to migrate from 5.0 itself', () => {
    expect(() => migrate(readDocument(conf(FIREWALL)), { from: 'wazuh@5.0' })).toThrow(
      /already takes its responses/,
    );
  });

  it('ignores the query suggestion in the status, but not any other suggestion', () => {
    const level = { kind: 'suggestion', subject: 'level', reason: 'level-query', text: '' } as const;
    const other = { kind: 'suggestion', subject: 'location', reason: 'location-read-as', text: '' } as const;
    expect(statusOf([level])).toBe('exact');
    expect(statusOf([level, other])).toBe('needs-review');
    expect(statusOf([{ ...other, kind: 'impossible' }])).toBe('cannot-migrate');
  });
});
