import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionProblems, monitorProblems, showControls } from '../core';
import { cli, cliInProcess } from './testing';

const scratch = mkdtempSync(path.join(tmpdir(), 'ar-studio-migrate-'));
function file(name: string, content: string): string {
  const at = path.join(scratch, name);
  writeFileSync(at, content);
  return at;
}

const EXACT = `<ossec_config>
  <command>
    <name>firewall-drop</name>
    <executable>firewall-drop</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>
  <active-response>
    <command>firewall-drop</command>
    <location>local</location>
    <level>10</level>
    <timeout>600</timeout>
  </active-response>
</ossec_config>
`;

const REVIEW = EXACT.replace('<level>10</level>', '<rules_id>5712</rules_id>');

describe('ar-studio migrate', () => {
  it('exits 0 when every response migrates exactly and reports it like a compiler', async () => {
    const { status, stdout } = await cliInProcess('migrate', file('exact.conf', EXACT));
    expect(status).toBe(0);
    const text = stdout.toString();
    expect(text).toMatch(/exact\.conf: Wazuh 4\.14 → Wazuh 5\.0 \(beta\) \(manager\): 1 response: 1 exact/);
    expect(text).toMatch(
      /exact\.conf:7:3 exact firewall-drop → firewall-drop-local: block-ip on local, stateful 600 s/,
    );
    expect(text).toContain('  exact executable [folded-into-block-ip]');
  });

  it('exits 1 when a response needs review or cannot migrate', async () => {
    expect((await cliInProcess('migrate', file('review.conf', REVIEW))).status).toBe(1);
    const server = file(
      'server.conf',
      EXACT.replace('<location>local</location>', '<location>server</location>'),
    );
    const { status, stdout } = await cliInProcess('migrate', server);
    expect(status).toBe(1);
    expect(stdout.toString()).toContain('cannot-migrate firewall-drop → no definition');
  });

  it('prints the bodies, the bundle, the cleaned file and the agent settings as JSON', async () => {
    const { status, stdout } = await cliInProcess('migrate', '--format', 'json', file('review.conf', REVIEW));
    expect(status).toBe(1);
    const out = JSON.parse(stdout.toString());
    expect(out).toMatchObject({
      from: 'wazuh@4.14',
      to: 'wazuh@5.0',
      role: 'manager',
      status: 'needs-review',
    });
    const [definition] = out.bundle.definitions.bodies;
    expect(definitionProblems(definition)).toEqual([]);
    expect(monitorProblems(out.bundle.monitors.bodies[0], definition.config_id)).toEqual([]);
    expect(out.cleaned.text).toBe('<ossec_config>\n</ossec_config>\n');
    expect(out.agentSettings).toContain('<disabled>no</disabled>');
  });

  it('prints a Markdown report with both bodies and the diff', async () => {
    const { stdout } = await cliInProcess('migrate', '--format', 'markdown', file('review.conf', REVIEW));
    const md = stdout.toString();
    expect(md).toMatch(/^# .*review\.conf: migrating active response to Wazuh 5\.0 \(beta\)/);
    expect(md).toContain('### Definition: `POST _plugins/_notifications/configs`');
    expect(md).toContain('### Monitor: `POST _plugins/_alerting/monitors`');
    expect(md).toContain('```diff');
    expect(md).toContain('`rules-id-placeholder`');
  });

  it('never prints a raw control character from the file', async () => {
    const hostile = EXACT.replaceAll('firewall-drop<', 'fw\u001b[2K\u202edrop<');
    const { stdout } = await cliInProcess('migrate', file('hostile.conf', hostile));
    const text = stdout.toString();
    const controls = [...text].filter((c) => c !== '\n' && showControls(c) !== c);
    expect(controls).toEqual([]);
    expect(text).toContain('fw\\x1b[2K\\u202edrop');
  });

  it('refuses a 5.0 source and a 5.0 arconf or simulate with exit 2', async () => {
    const at = file('exact.conf', EXACT);
    const fromFive = await cliInProcess('migrate', '--target', 'wazuh@5.0', at);
    expect(fromFive.status).toBe(2);
    expect(fromFive.stderr).toContain('migrate reads a file written for 4.x or OSSEC');
    const arconf = await cliInProcess('arconf', '--target', 'wazuh@5.0', at);
    expect(arconf.status).toBe(2);
    expect(arconf.stderr).toContain('arconf does not apply to Wazuh 5.0 (beta)');
    const simulate = await cliInProcess(
      'simulate',
      '--target',
      'wazuh@5.0',
      at,
      '--rule-id',
      '1',
      '--level',
      '3',
    );
    expect(simulate.status).toBe(2);
    expect(simulate.stderr).toContain('has no ar.conf and runs no response from this file');
  });

  it('check --target wazuh@5.0 gives the 5.0 verdicts', async () => {
    const { status, stdout } = await cliInProcess(
      'check',
      '--target',
      'wazuh@5.0',
      file('exact.conf', EXACT),
    );
    expect(status).toBe(1);
    const lines = stdout.toString().trim().split('\n');
    expect(
      lines.map((l) =>
        l
          .replace(/^.*exact\.conf:/, '')
          .split(' ')
          .slice(0, 3)
          .join(' '),
      ),
    ).toEqual(['1:1 error X3', '2:3 error W1', '7:3 warning W2']);
    const five = file('five.conf', EXACT.replaceAll('ossec_config', 'wazuh_config'));
    const json = JSON.parse(
      (await cliInProcess('check', '--target', 'wazuh@5.0', '--format', 'json', five)).stdout.toString(),
    );
    expect(json.target).toBe('wazuh@5.0');
    expect(json.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['W1', 'W2']);
    expect(json.files[0].arConf).toEqual([]);
  });

  it('runs from the real binary', () => {
    const { status, stdout, stderr } = cli('migrate', '--format', 'json', file('exact.conf', EXACT));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout.toString()).status).toBe('exact');
  });
});
