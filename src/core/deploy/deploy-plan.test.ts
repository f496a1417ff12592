import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { arConfLines } from '../derive/ar-conf';
import { readDocument } from '../model/read';
import { parseTarget } from '../targets/target';
import { WAZUH_5 } from '../test-support/targets';
import { type DeployInputs, type DeployPlan, deployPlan } from './deploy-plan';
import { sourceRef } from './sources';

const FILE = `<ossec_config>
  <command>
    <name>firewall-drop</name>
    <executable>firewall-drop</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>
  <active-response>
    <command>firewall-drop</command>
    <location>defined-agent</location>
    <agent_id>002</agent_id>
    <level>10</level>
    <timeout>600</timeout>
  </active-response>
  <active-response>
    <command>firewall-drop</command>
    <location>server</location>
    <rules_id>5712</rules_id>
  </active-response>
</ossec_config>
`;

const INPUTS: DeployInputs = {
  role: 'manager',
  sourceIp: '203.0.113.7',
  agentId: '002',
  apiUrl: '',
  apiUser: '',
};

const plan = (target: string, inputs: Partial<DeployInputs> = {}, text = FILE) =>
  deployPlan(readDocument(text), parseTarget(target), { ...INPUTS, ...inputs });

const step = (p: DeployPlan, id: string) => {
  const found = p.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};
const commands = (p: DeployPlan, id: string) => step(p, id).commands.map((c) => c.command);

/** The words a POSIX shell passes to the program of `command`, which is replaced by printf. */
function argv(command: string, program: string): string[] {
  expect(command.startsWith(`${program} `)).toBe(true);
  const script = `printf '%s\\0' ${command.slice(program.length + 1)}`;
  return execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

/** The arguments curl would receive from an API command, $WAZUH_API and $TOKEN set. */
function curlArgs(command: string): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }; WAZUH_API=https://m:55000; TOKEN=t; ${command}`;
  return execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('deployPlan for a manager', () => {
  it('goes install, test, restart, ar.conf, run, list, API, agent settings on Wazuh 4.14', () => {
    const p = plan('wazuh@4.14');
    expect(p.unavailable).toBeNull();
    expect(p.steps.map((s) => s.id)).toEqual([
      'install',
      'test',
      'restart',
      'ar-conf',
      'run',
      'list',
      'api',
      'agent-settings',
    ]);
    expect(commands(p, 'install')).toEqual([
      'cp -p /var/ossec/etc/ossec.conf /var/ossec/etc/ossec.conf.bak',
      'cp ossec.conf /var/ossec/etc/ossec.conf',
    ]);
    expect(commands(p, 'test')).toEqual(['/var/ossec/bin/wazuh-analysisd -t']);
    expect(commands(p, 'restart')).toEqual(['/var/ossec/bin/wazuh-control restart']);
    expect(step(p, 'ar-conf').code?.text).toBe(arConfLines(readDocument(FILE), 'wazuh@4.14').join('\n'));
    expect(step(p, 'ar-conf').code?.text).toBe(
      'firewall-drop600 - firewall-drop - 600\nfirewall-drop0 - firewall-drop - 0',
    );
    expect(commands(p, 'list')).toEqual(['/var/ossec/bin/agent_control -L']);
  });

  it('runs a response by its ar.conf name (name + timeout), not by the command name', () => {
    const p = plan('wazuh@4.14');
    expect(p.responses.map((r) => r.key)).toEqual(['firewall-drop600', 'firewall-drop0']);
    expect(commands(p, 'run')).toEqual([
      '/var/ossec/bin/agent_control -b 203.0.113.7 -f firewall-drop600 -u 002',
      '/var/ossec/bin/agent_control -b 203.0.113.7 -f firewall-drop600 -a',
    ]);
    const server = plan('wazuh@4.14', { responseBlock: 2 });
    expect(server.chosen?.key).toBe('firewall-drop0');
    expect(step(server, 'run').notes.join(' ')).toMatch(/runs on the manager when an alert matches/);
  });

  it('writes the 4.14 API sequence: POST login, upload, validate, restart, list, run', () => {
    const api = commands(plan('wazuh@4.14'), 'api');
    expect(api).toEqual([
      'WAZUH_API=https://localhost:55000',
      'TOKEN=$(curl -sS --fail -u wazuh -X POST "$WAZUH_API/security/user/authenticate?raw=true")',
      `curl -sS --fail -X PUT "$WAZUH_API/manager/configuration?pretty=true" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' --data-binary @ossec.conf`,
      'curl -sS --fail "$WAZUH_API/manager/configuration/validation?pretty=true" -H "Authorization: Bearer $TOKEN"',
      'curl -sS --fail -X PUT "$WAZUH_API/manager/restart?pretty=true" -H "Authorization: Bearer $TOKEN"',
      'curl -sS --fail "$WAZUH_API/manager/configuration/analysis/active_response?pretty=true" -H "Authorization: Bearer $TOKEN"',
      `curl -sS --fail -X PUT "$WAZUH_API/active-response?agents_list=002&pretty=true" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"command":"firewall-drop600","alert":{"data":{"srcip":"203.0.113.7"}}}'`,
    ]);
  });

  it('follows each release: GET login and /manager/files on 4.0, arguments before 4.2, no API on 3.x or OSSEC', () => {
    const v40 = commands(plan('wazuh@4.0'), 'api');
    expect(v40[1]).toContain('-X GET "$WAZUH_API/security/user/authenticate?raw=true"');
    expect(v40[2]).toContain('"$WAZUH_API/manager/files?path=etc/ossec.conf&overwrite=true&pretty=true"');
    expect(v40.at(-1)).toContain(`-d '{"command":"firewall-drop600","arguments":["-","203.0.113.7"]}'`);
    expect(commands(plan('wazuh@4.3'), 'api')[1]).toContain('-X GET');
    expect(commands(plan('wazuh@4.4'), 'api')[1]).toContain('-X POST');
    for (const id of ['wazuh@3.13', 'ossec@3.7']) {
      expect(plan(id).steps.map((s) => s.id)).not.toContain('api');
    }
    expect(commands(plan('wazuh@3.13'), 'test')).toEqual(['/var/ossec/bin/ossec-analysisd -t']);
    expect(commands(plan('ossec@2.8'), 'run')).toEqual([
      '/var/ossec/bin/agent_control -b 203.0.113.7 -f firewall-drop600 -u 002',
    ]);
    expect(step(plan('ossec@2.8'), 'run').notes.join(' ')).toMatch(/without looking it up in ar\.conf/);
  });

  it('cites every command at the target’s own release', () => {
    for (const id of ['ossec@2.8', 'wazuh@3.0', 'wazuh@4.1', 'wazuh@4.14']) {
      for (const role of ['manager', 'agent', 'local'] as const) {
        const p = plan(id, { role });
        for (const s of p.steps) {
          for (const c of s.commands) {
            expect(c.sources.length, `${id} ${role} ${c.command}`).toBeGreaterThan(0);
            for (const source of c.sources) expect(source.ref).toBe(sourceRef(p.target));
          }
        }
      }
    }
  });

  it('quotes a hostile response name so that the shell passes it as one argument', () => {
    const name = `fw'; touch /tmp/pwned #$(id)`;
    const text = FILE.replaceAll('firewall-drop</name>', `${name}</name>`).replaceAll(
      '<command>firewall-drop</command>',
      `<command>${name}</command>`,
    );
    const p = plan('wazuh@4.14', {}, text);
    expect(p.chosen?.key).toBe(`${name}600`);
    const [run] = step(p, 'run').commands;
    expect(run.refused).toMatch(/holds blanks/);
    expect(argv(run.command, '/var/ossec/bin/agent_control')).toEqual([
      '-b',
      '203.0.113.7',
      '-f',
      `${name}600`,
      '-u',
      '002',
    ]);
    const apiRun = step(p, 'api').commands.at(-1)?.command ?? '';
    const args = curlArgs(apiRun);
    expect(JSON.parse(args[args.indexOf('-d') + 1])).toEqual({
      command: `${name}600`,
      alert: { data: { srcip: '203.0.113.7' } },
    });
  });

  it('quotes the API address and user, and refuses malformed inputs instead of pasting them', () => {
    const p = plan('wazuh@4.14', { apiUrl: 'https://wazuh.example.org:55000', apiUser: "o'brien" });
    const [setUrl, login] = commands(p, 'api');
    expect(setUrl).toBe('WAZUH_API=https://wazuh.example.org:55000');
    expect(curlArgs(login.replace(/^TOKEN=\$\((.*)\)$/, '$1'))).toContain("o'brien");
    const bad = plan('wazuh@4.14', { sourceIp: '1.2.3.4; reboot', agentId: '2 3', apiUrl: 'https://x"; id' });
    expect(Object.keys(bad.inputProblems).sort()).toEqual(['agentId', 'apiUrl', 'sourceIp']);
    const [run] = step(bad, 'run').commands;
    expect(run.command).toBe('/var/ossec/bin/agent_control -b SOURCE_IP -f firewall-drop600 -u AGENT_ID');
    expect(run.missing).toEqual(['source IP', 'agent ID']);
    expect(commands(bad, 'api')[0]).toBe('WAZUH_API=https://localhost:55000');
  });

  it('warns that the API refuses a Latin-1 upload with non-ASCII characters', () => {
    const latin1 = readDocument(`<!-- \u00e9quipe -->\n${FILE}`, 'latin1');
    const p = deployPlan(latin1, parseTarget('wazuh@4.14'), INPUTS);
    expect(step(p, 'api').notes.join(' ')).toMatch(/error 1911/);
    expect(step(plan('wazuh@4.14'), 'api').notes.join(' ')).not.toMatch(/1911/);
  });
});

describe('deployPlan for an agent and a local install', () => {
  it('gives an agent its settings, execd’s test, its restart, ar.conf and the agent’s config through the API', () => {
    const p = plan('wazuh@4.14', { role: 'agent' });
    expect(p.steps.map((s) => s.id)).toEqual([
      'agent-settings',
      'install',
      'test',
      'restart',
      'ar-conf',
      'api',
    ]);
    expect(commands(p, 'test')).toEqual(['/var/ossec/bin/wazuh-execd -t']);
    expect(commands(p, 'restart')).toEqual(['/var/ossec/bin/wazuh-control restart']);
    expect(commands(p, 'ar-conf')).toEqual(['cat /var/ossec/etc/shared/ar.conf']);
    expect(commands(p, 'api').at(-1)).toBe(
      'curl -sS --fail "$WAZUH_API/agents/002/config/com/active-response?pretty=true" -H "Authorization: Bearer $TOKEN"',
    );
    expect(p.responses).toEqual([]);
  });

  it('puts an agent’s own file on agents as it is, and only the settings of a manager’s file', () => {
    const fromManager = plan('wazuh@4.14', { role: 'agent' });
    expect(step(fromManager, 'install').title).toBe("Add the settings to each agent's file");
    expect(step(fromManager, 'install').usesFile).toBeUndefined();
    expect(commands(fromManager, 'install')).toEqual([
      'cp -p /var/ossec/etc/ossec.conf /var/ossec/etc/ossec.conf.bak',
    ]);
    const agentFile = `<ossec_config>
  <client><server><address>10.0.0.1</address></server></client>
  <active-response>
    <disabled>no</disabled>
  </active-response>
</ossec_config>
`;
    const onAgents = plan('wazuh@4.14', { role: 'agent' }, agentFile);
    expect(commands(onAgents, 'install')).toEqual([
      'cp -p /var/ossec/etc/ossec.conf /var/ossec/etc/ossec.conf.bak',
      'cp ossec.conf /var/ossec/etc/ossec.conf',
    ]);
    expect(onAgents.notices).toEqual([]);
    expect(step(onAgents, 'install').usesFile).toBe(true);
    const onManager = plan('wazuh@4.14', { role: 'manager' }, agentFile);
    expect(onManager.notices[0]).toMatch(/This is an agent's file/);
    expect(onManager.responses).toEqual([]);
    const read = (text: string) => readDocument(text);
    const asAgent = deployPlan(read(FILE), parseTarget('wazuh@4.14'), { ...INPUTS, role: 'agent' }, 'agent');
    expect(commands(asAgent, 'install')).toHaveLength(2);
    const agentConf = plan(
      'wazuh@4.14',
      {},
      '<agent_config>\n  <active-response>\n    <disabled>no</disabled>\n  </active-response>\n</agent_config>\n',
    );
    expect(agentConf.notices[0]).toMatch(/centralized agent\.conf/);
  });

  it('tests both daemons of a local install and explains why agent_control cannot run there', () => {
    const p = plan('ossec@3.7', { role: 'local' });
    expect(commands(p, 'test')).toEqual([
      '/var/ossec/bin/ossec-analysisd -t',
      '/var/ossec/bin/ossec-execd -t',
    ]);
    const run = step(p, 'run');
    expect(run.commands).toEqual([]);
    expect(run.detail).toMatch(/Unable to connect to remoted/);
    expect(run.sources?.[0].quote).toBe('Unable to connect to remoted.');
  });

  it('has no manager steps on Wazuh 5.0, only the agent side', () => {
    const doc = readDocument(FILE);
    const manager = deployPlan(doc, WAZUH_5, INPUTS);
    expect(manager.unavailable?.value).toMatch(/see the migration view/);
    expect(manager.steps.map((s) => s.id)).toEqual(['agent-settings']);
    const agent = deployPlan(doc, WAZUH_5, { ...INPUTS, role: 'agent' });
    expect(agent.unavailable).toBeNull();
    expect(agent.steps.map((s) => s.id)).toEqual(['agent-settings', 'install', 'test', 'restart']);
    expect(commands(agent, 'test')).toEqual(['/var/ossec/bin/wazuh-execd -t']);
  });
});
