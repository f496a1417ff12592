import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OSSEC_SSHD_LOG, WAZUH_SSHD_JSON } from '../core/test-support/alerts';
import { HEAVY_TEST_TIMEOUT } from '../core/test-support/timeouts';
import { cli, cliFed, cliInProcess } from './testing';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const COMPILER_LINE = /^.+:\d+:\d+ (error|warning|info) \S+ .+$/;

function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? corpusFiles(full) : [full];
    })
    .sort();
}

const scratch = mkdtempSync(path.join(tmpdir(), 'ar-studio-cli-'));
function scratchFile(name: string, content: string | Uint8Array): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

const FIREWALL_DROP = `<ossec_config>
  <command>
    <name>firewall-drop</command>
    <executable>firewall-drop.sh</executable>
    <expect>srcip</expect>
  </command>
</ossec_config>
`;

/** A fixed pseudo-random byte string, so a failure can be reproduced. */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const files = corpusFiles(CORPUS);

describe('ar-studio export', () => {
  it('finds the shared corpus', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((file) => [path.relative(CORPUS, file), file]))(
    'gives back %s byte for byte',
    async (_name, file) => {
      const result = await cliInProcess('export', file);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.equals(readFileSync(file))).toBe(true);
    },
    HEAVY_TEST_TIMEOUT,
  );

  // One spawn per file costs a third of a second of tsx start-up, so the real binary exports a sample
  // that covers each kind of file: CRLF, UTF-8 text, two roots, a fragment, a template.
  it.each([
    'community/Whys0EZ-ossec-wazuh.conf',
    'community/Nyx-Sentinel-SOAR-FortiGate-configs-wazuh-ossec.conf',
    'wazuh-docker-4.9.2-single-node-wazuh_manager.conf',
    'fragments/wazuh-4.14.7-ar-commands.template',
    'templated/wazuh-ansible-4.14.7-var-ossec-etc-ossec-server.conf.j2',
  ])(
    'the binary gives back %s byte for byte',
    (name) => {
      const file = path.join(CORPUS, name);
      const result = cli('export', file);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.equals(readFileSync(file))).toBe(true);
    },
    HEAVY_TEST_TIMEOUT,
  );

  it('keeps bytes that are not UTF-8, a BOM and CRLF', async () => {
    const odd = [
      Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('<ossec_config>\r\n</ossec_config>\r\n')]),
      randomBytes(4096, 7),
      Buffer.from('<ossec_config>\n  <global>caf\xe9</global>\n</ossec_config>', 'latin1'),
    ];
    for (const [i, bytes] of odd.entries()) {
      const file = scratchFile(`odd-${i}.conf`, bytes);
      const result = await cliInProcess('export', file);
      expect(result.status).toBe(0);
      expect(result.stdout.equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

describe('ar-studio check', () => {
  it(
    'reports the documented firewall-drop example like a compiler, exit 1',
    () => {
      const file = scratchFile('firewall-drop.conf', FIREWALL_DROP);
      const result = cli('check', file);
      expect(result.status).toBe(1);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      const lines = result.stdout.toString('utf8').split('\n').filter(Boolean);
      for (const line of lines)
        expect(line.startsWith(`${file}:`) && COMPILER_LINE.test(line), line).toBe(true);
      const x1 = lines.find((line) => / error X1 /.test(line)) ?? '';
      // Line 3 holds `<name>firewall-drop</command>`; the column points into the closing tag.
      expect(x1).toMatch(/:3:\d+ error X1 \S/);
      const column = Number(
        x1
          .slice(file.length + 1)
          .split(':')[1]
          .split(' ')[0],
      );
      expect(column).toBeGreaterThanOrEqual(24);
      expect(column).toBeLessThanOrEqual(33);
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    'reads every corpus file in one process without crashing',
    () => {
      const result = cli('check', '--format', 'json', ...files);
      expect(result.stderr).toBe('');
      expect([0, 1]).toContain(result.status);
      const report = JSON.parse(result.stdout.toString('utf8'));
      expect(report.files.map((entry: { file: string }) => entry.file)).toEqual(files);
      for (const entry of report.files) {
        expect(typeof entry.accepted).toBe('boolean');
        for (const diagnostic of entry.diagnostics) {
          expect(Object.keys(diagnostic).sort()).toEqual(
            ['code', 'column', 'daemonMessage', 'line', 'message', 'severity'].sort(),
          );
          expect(diagnostic.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.column).toBeGreaterThanOrEqual(1);
        }
      }
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    'handles broken and odd input sensibly, never with a stack trace',
    () => {
      const cases = {
        empty: { content: '', accepted: true },
        unclosedTag: { content: '<ossec_config>\n  <command>\n    <name>x</name>\n', accepted: false },
        unclosedComment: { content: '<ossec_config>\n  <!-- open\n</ossec_config>\n', accepted: false },
        cdata: {
          content:
            '<ossec_config>\n  <command>\n    <name><![CDATA[x]]></name>\n  </command>\n</ossec_config>\n',
          accepted: false,
        },
        randomBytes: { content: randomBytes(2048, 42), accepted: undefined },
      };
      const paths = Object.entries(cases).map(([name, { content }]) => scratchFile(`${name}.conf`, content));
      const json = cli('check', '--format', 'json', ...paths);
      // Random bytes are not UTF-8: the only thing on stderr is the note that says so.
      expect(json.stderr).toMatch(/^ar-studio: note: .+randomBytes\.conf: .*UTF-8.*\n$/);
      const report = JSON.parse(json.stdout.toString('utf8'));
      for (const [i, { accepted }] of Object.values(cases).entries()) {
        const entry = report.files[i];
        if (accepted !== undefined) expect(entry.accepted, entry.file).toBe(accepted);
        if (!entry.accepted)
          expect(entry.diagnostics.some((d: { severity: string }) => d.severity === 'error')).toBe(true);
      }
      expect(json.status).toBe(1);

      const text = cli('check', ...paths);
      expect(text.status).toBe(1);
      expect(text.stderr).not.toMatch(STACK_TRACE);
      const lines = text.stdout.toString('utf8').split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(COMPILER_LINE);
    },
    HEAVY_TEST_TIMEOUT,
  );

  // The stock files shipped with each release start their own daemon, so their own target accepts them
  // in their own role (the file name says which: an agent's, or a manager's / local install's); the
  // install templates are snippets of one, and a centralized agent.conf is no host's ossec.conf.
  it.each(
    files
      .map((file) => path.relative(CORPUS, file))
      .flatMap((name) => {
        const match = /^(?:fragments\/)?(ossec|wazuh)(?:-docker)?-(\d+\.\d+)\.[^/]*$/.exec(name);
        const role = /shared-agent/.test(name) ? 'auto' : /agent/.test(name) ? 'agent' : 'manager';
        return match ? [[name, `${match[1]}@${match[2]}`, role]] : [];
      }),
  )('%s is accepted by %s as %s', async (name, target, role) => {
    const fragment = name.startsWith('fragments/') ? ['--fragment'] : [];
    const file = path.join(CORPUS, name);
    const result = await cliInProcess('check', '--target', target, '--role', role, ...fragment, file);
    expect(result.stdout.toString('utf8')).not.toMatch(/ error /);
    expect(result.status).toBe(0);
  });

  it('refuses a file without an <ossec_config> root as the daemon does, and says that --fragment exists', async () => {
    const file = path.join(CORPUS, 'fragments/wazuh-4.14.7-ar-commands.template');
    const asFile = cli('check', file);
    expect(asFile.status).toBe(1);
    const out = asFile.stdout.toString('utf8');
    expect(out).toMatch(
      /:1:3 error X3 This file has no <ossec_config> root: .* at its first element, <command>\./,
    );
    expect(out).toContain('check it with --fragment');
    const json = await cliInProcess('check', '--format', 'json', file);
    expect(JSON.parse(json.stdout.toString('utf8')).files[0].diagnostics[0].daemonMessage).toBe(
      "(1230): Invalid element in the configuration: 'command'.",
    );
    const asSnippet = cli('check', '--fragment', file);
    expect(asSnippet.stdout.toString('utf8')).toBe('');
    expect(asSnippet.status).toBe(0);
    // --fragment reads a snippet; it does not forgive a whole file anything.
    const whole = path.join(CORPUS, 'community/SmartPT-Wazuh-XDR-ossec.conf');
    expect((await cliInProcess('check', '--fragment', whole)).status).toBe(1);
  });

  it('refuses an <agent_config> root when --role says whose ossec.conf it is', async () => {
    const file = path.join(CORPUS, 'wazuh-4.14.7-shared-agent.conf');
    expect((await cliInProcess('check', file)).status).toBe(0);
    for (const role of ['manager', 'agent']) {
      const result = await cliInProcess('check', '--role', role, file);
      expect(result.status).toBe(1);
      expect(result.stdout.toString('utf8')).toMatch(/:1:1 error X3 This is a centralized agent\.conf/);
    }
  });

  it('accepts a clean file with exit 0', async () => {
    const file = scratchFile(
      'clean.conf',
      '<ossec_config>\n  <command>\n    <name>host-deny</name>\n    <executable>host-deny</executable>\n' +
        '    <timeout_allowed>yes</timeout_allowed>\n  </command>\n</ossec_config>\n',
    );
    const result = await cliInProcess('check', file);
    expect(result.stderr).toBe('');
    expect(result.stdout.toString('utf8')).not.toMatch(/ error /);
    expect(result.status).toBe(0);
  });

  it('reports blocks, summaries and ar.conf lines in the JSON shape of the design', async () => {
    const file = path.join(CORPUS, 'ossec-3.7.0-server-ossec-server.conf');
    const result = await cliInProcess('check', '--format', 'json', '--target', 'ossec@3.7', file);
    expect(result.status).toBe(0);
    const [entry] = JSON.parse(result.stdout.toString('utf8')).files;
    expect(Object.keys(entry).sort()).toEqual(
      ['accepted', 'activeResponses', 'arConf', 'commands', 'diagnostics', 'file', 'role'].sort(),
    );
    expect(entry.commands.map((c: { name: string }) => c.name)).toEqual([
      'host-deny',
      'firewall-drop',
      'disable-account',
    ]);
    expect(entry.activeResponses[0]).toMatchObject({
      command: 'host-deny',
      stateful: true,
      effectiveTimeout: 600,
    });
    expect(entry.arConf).toEqual([
      'host-deny600 - host-deny.sh - 600',
      'firewall-drop600 - firewall-drop.sh - 600',
    ]);
  });
});

describe('ar-studio arconf and simulate with --fragment', () => {
  const snippet =
    '<active-response>\n  <command>host-deny</command>\n  <location>local</location>\n  <level>6</level>\n  <timeout>600</timeout>\n</active-response>\n';

  it('takes the stock commands as defined above a snippet, and nothing as a file', async () => {
    const file = scratchFile('snippet.xml', snippet);
    const asSnippet = await cliInProcess('arconf', '--fragment', '--target', 'ossec@3.7', file);
    expect(asSnippet.stdout.toString('utf8')).toBe('host-deny600 - host-deny.sh - 600\n');
    expect(asSnippet.status).toBe(0);
    const asFile = await cliInProcess('arconf', '--target', 'ossec@3.7', file);
    expect(asFile.stdout.toString('utf8')).toBe('');
    expect(asFile.status).toBe(1);
    const alert = ['--rule-id', '5712', '--level', '10', '--agent', '001'];
    const fires = await cliInProcess('simulate', '--fragment', file, ...alert);
    expect(fires.stdout.toString('utf8')).toMatch(/:1:1 fires host-deny: /);
    expect(fires.status).toBe(0);
    expect((await cliInProcess('simulate', file, ...alert)).status).toBe(1);
  });

  it('is not an option of export', async () => {
    const result = await cliInProcess('export', '--fragment', scratchFile('snippet-export.xml', snippet));
    expect(result.status).toBe(2);
    expect(result.stderr.toString()).toContain('export does not take --fragment');
  });
});

describe('ar-studio arconf', () => {
  it('prints the lines the manager writes, one a line', async () => {
    const file = path.join(CORPUS, 'ossec-3.7.0-server-ossec-server.conf');
    const result = await cliInProcess('arconf', '--target', 'ossec@3.7', file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.toString('utf8')).toBe(
      'host-deny600 - host-deny.sh - 600\nfirewall-drop600 - firewall-drop.sh - 600\n',
    );
  });

  it('exits 1 and says so when the target refuses the file', async () => {
    const file = scratchFile('firewall-drop-arconf.conf', FIREWALL_DROP);
    const result = await cliInProcess('arconf', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^ar-studio: Wazuh 4\.14 refuses '.+' and would not start/);
  });
});

describe('targets and roles', () => {
  it("names the target and each file's role in the JSON report", async () => {
    const agent = path.join(CORPUS, 'wazuh-4.14.7-agent-ossec-agent.conf');
    const manager = path.join(CORPUS, 'wazuh-4.14.7-manager-ossec-server.conf');
    const byDefault = JSON.parse(
      (await cliInProcess('check', '--format', 'json', agent, manager)).stdout.toString(),
    );
    expect(byDefault.target).toBe('wazuh@4.14');
    expect(byDefault.files.map((f: { role: string }) => f.role)).toEqual(['agent', 'manager']);

    const forced = await cliInProcess(
      'check',
      '--format',
      'json',
      '--target',
      'ossec@3.7',
      '--role',
      'manager',
      agent,
    );
    const report = JSON.parse(forced.stdout.toString());
    expect(report.target).toBe('ossec@3.7');
    expect(report.files[0].role).toBe('manager');
  });
});

describe('ar-studio simulate', () => {
  const SIMULATED = `<ossec_config>
  <command>
    <name>firewall-drop</name>
    <executable>firewall-drop</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>

  <active-response>
    <command>firewall-drop</command>
    <location>local</location>
    <rules_group>authentication_failed|authentication_failures</rules_group>
    <timeout>700</timeout>
  </active-response>

  <active-response>
    <command>firewall-drop</command>
    <location>server</location>
    <level>12</level>
  </active-response>
</ossec_config>
`;
  const alert = ['--rule-id', '5712', '--level', '10', '--groups', 'syslog,sshd,authentication_failures,'];

  it('says which responses fire for an alert, where and for how long, the summary first', async () => {
    const file = scratchFile('simulate.conf', SIMULATED);
    const result = await cliInProcess('simulate', file, ...alert, '--agent', '001');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.toString('utf8').split('\n').filter(Boolean);
    expect(lines[0]).toBe('1 of 2 responses fires, on agent 001.');
    expect(lines[1]).toBe(
      'alert: rule 5712; level 10; groups syslog,sshd,authentication_failures,; agent 001',
    );
    expect(lines[2]).toMatch(new RegExp(`^${file}:8:3 fires firewall-drop: .*agent 001.*700 s`));
    expect(lines[3]).toBe(`${file}:15:3 idle firewall-drop: Does not fire: level 10 is below 12.`);
  });

  it('reports the same in JSON', async () => {
    const file = scratchFile('simulate-json.conf', SIMULATED);
    const result = await cliInProcess('simulate', '--format', 'json', file, ...alert);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout.toString('utf8'));
    expect(report).toMatchObject({
      target: 'wazuh@4.14',
      accepted: true,
      alert: { ruleId: 5712, level: 10 },
      summary: '1 of 2 responses fires, on the manager.',
      alertSource: null,
    });
    expect(report.responses.map((r: { line: number; fires: boolean }) => [r.line, r.fires])).toEqual([
      [8, true],
      [15, false],
    ]);
    expect(report.responses[0]).toMatchObject({ hosts: ['the manager'], timeout: 700, stateful: true });
  });

  it('reads the alert from a file with --alert, and lets the options override its fields', async () => {
    const file = scratchFile('simulate-alert.conf', SIMULATED);
    const alertFile = scratchFile('alert.json', `${WAZUH_SSHD_JSON}\n`);
    const result = await cliInProcess('simulate', file, '--alert', alertFile);
    expect(result.status).toBe(0);
    const lines = result.stdout.toString('utf8').split('\n');
    expect(lines[0]).toBe('1 of 2 responses fires, on agent 001.');
    expect(lines[1]).toMatch(
      /^alert: rule 5712; level 10; groups syslog,sshd,authentication_failures,gdpr_.*; agent 001; source IP 203\.0\.113\.7 \(alerts\.json \(Wazuh\), .*alert\.json\)$/,
    );
    expect(lines).toContain('white list: 203.0.113.7 is not on it (0 entries)');
    expect(lines.some((l) => l.startsWith('note: The alert has a srcuser (admin)'))).toBe(true);

    const overridden = await cliInProcess(
      'simulate',
      '--format',
      'json',
      file,
      '--alert',
      alertFile,
      '--level',
      '12',
      '--agent',
      '000',
    );
    const report = JSON.parse(overridden.stdout.toString('utf8'));
    expect(report.alert).toMatchObject({ ruleId: 5712, level: 12, agentId: '000', srcip: '203.0.113.7' });
    expect(report.alertSource).toMatchObject({ format: 'alerts.json (Wazuh)' });
    expect(report.summary).toBe('2 of 2 responses fire, on the manager.');
  });

  it('reads an OSSEC alerts.log entry, and a white-listed source IP gives the reason', async () => {
    const file = scratchFile(
      'simulate-ossec.conf',
      `<ossec_config>
  <global><white_list>203.0.113.0/24</white_list></global>
  <command><name>firewall-drop</name><executable>firewall-drop.sh</executable><expect>srcip</expect><timeout_allowed>yes</timeout_allowed></command>
  <active-response><command>firewall-drop</command><location>local</location><level>6</level><timeout>600</timeout></active-response>
</ossec_config>
`,
    );
    const alertFile = scratchFile('alerts.log', OSSEC_SSHD_LOG);
    const result = await cliInProcess('simulate', '--target', 'ossec@3.7', file, '--alert', alertFile);
    expect(result.status).toBe(0);
    const out = result.stdout.toString('utf8');
    expect(out).toMatch(
      /^The one response does not fire\.\nalert: rule 5712; level 10; .*agent web01; source IP 203\.0\.113\.7; user admin \(alerts\.log, /,
    );
    expect(out).toContain(
      'idle firewall-drop: Bound to rule 5712 (level 10 ≥ 6), but not run: the source IP is white-listed: 203.0.113.7 is in 203.0.113.0/24 (<white_list> on line 2).',
    );
    expect(out).toContain('white list: 203.0.113.7 is in 203.0.113.0/24');
  });

  it(
    'takes the alert from standard input with --alert -',
    () => {
      const file = scratchFile('simulate-stdin.conf', SIMULATED);
      const result = cliFed(OSSEC_SSHD_LOG, 'simulate', file, '--alert', '-', '--agent', '002');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.toString('utf8').split('\n')[0]).toBe('1 of 2 responses fires, on agent 002.');
    },
    HEAVY_TEST_TIMEOUT,
  );

  it('names a wrong alert field and exits 2, notes a doubtful one, and never prints raw control characters', async () => {
    const file = scratchFile('simulate-fields.conf', SIMULATED);
    const level = await cliInProcess('simulate', file, '--rule-id', '5712', '--level', '17');
    expect(level.status).toBe(2);
    expect(level.stderr).toBe("ar-studio: --level: A rule level is a number from 0 to 16 (got '17').\n");
    const agent = await cliInProcess(
      'simulate',
      file,
      '--alert',
      scratchFile('a.json', WAZUH_SSHD_JSON.replace('"id":"001"', '"id":"1"')),
    );
    expect(agent.status).toBe(2);
    expect(agent.stderr).toMatch(
      /^ar-studio: .*a\.json: agent: Agent IDs are written with at least three digits.*001, not 1\.\n$/,
    );
    const broken = await cliInProcess('simulate', file, '--alert', scratchFile('broken.log', 'hello'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.log: Not an alert/);
    const noted = await cliInProcess(
      'simulate',
      file,
      ...alert,
      '--srcip',
      '10.1',
      '--user',
      'ro\u001b[2Jot',
    );
    expect(noted.status).toBe(0);
    expect(noted.stderr).toContain("ar-studio: note: --srcip: Wazuh 4.14 does not read '10.1'");
    expect(noted.stderr).not.toContain('\u001b');
    expect(noted.stdout.toString('utf8')).toContain('user ro\\x1b[2Jot');
    expect(noted.stdout.toString('utf8')).not.toContain('\u001b');
  });

  it('exits 1 with a note when the target refuses the file', async () => {
    const file = scratchFile('simulate-refused.conf', FIREWALL_DROP);
    const result = await cliInProcess('simulate', file, ...alert);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refuses '.+' and would not start/);
  });
});

describe('usage', () => {
  it('exits 2 with a message on stderr for usage errors and unreadable files', async () => {
    const missing = path.join(scratch, 'missing.conf');
    const calls = [
      [],
      ['frobnicate'],
      ['export'],
      ['export', 'a', 'b'],
      ['export', '--target', 'wazuh@4.14', 'x'],
      ['check'],
      ['check', '--format', 'yaml', 'x'],
      ['check', '--role', 'server', 'x'],
      ['check', '--nope', 'x'],
      ['check', '--target', 'wazuh@9.9', 'x'],
      ['check', '--target', 'apache@2.4', 'x'],
      ['export', missing],
      ['check', missing],
      ['export', scratch],
      ['arconf'],
      ['arconf', '--format', 'json', 'x'],
      ['simulate', 'x', '--level', '3'],
      ['simulate', 'x', '--rule-id', '5712'],
      ['simulate', 'x', '--rule-id', '5712', '--level', 'high'],
      ['simulate', 'x', '--rule-id', '5712', '--level', '3', '--role', 'agent'],
      ['simulate', '--rule-id', '5712', '--level', '3'],
      ['simulate', '-', '--alert', '-'],
      ['simulate', 'x', '--alert', missing],
    ];
    for (const args of calls) {
      const result = await cliInProcess(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^ar-studio: /);
      expect(result.stdout.length, args.join(' ')).toBe(0);
    }
  });

  it('checks the files it can read and still exits 2 for the one it cannot', async () => {
    const broken = scratchFile('mixed-broken.conf', FIREWALL_DROP);
    const result = await cliInProcess('check', broken, path.join(scratch, 'missing.conf'));
    expect(result.status).toBe(2);
    expect(result.stdout.toString('utf8')).toMatch(/ error X1 /);
    expect(result.stderr).toMatch(/^ar-studio: cannot read '.+missing\.conf': no such file or directory\n$/);
  });

  it(
    'the binary exits 2 for a missing file and prints help with --help',
    () => {
      const missing = cli('check', path.join(scratch, 'missing.conf'));
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(
        /^ar-studio: cannot read '.+missing\.conf': no such file or directory\n$/,
      );

      const none = cli();
      expect(none.status).toBe(2);
      expect(none.stderr).toContain('Usage: ar-studio');

      const help = cli('--help');
      expect(help.status).toBe(0);
      expect(help.stdout.toString('utf8')).toContain('Usage: ar-studio');
    },
    HEAVY_TEST_TIMEOUT,
  );
});
