// @vitest-environment node
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionProblems, monitorProblems } from '../../core';

const TEMPLATES = resolve(process.cwd(), 'public/templates');

/** The scaffold installed as an agent would have it: <home>/active-response/bin/<name>, logs in <home>/logs. */
function install(file: string, name: string): { bin: string; log: string } {
  const home = mkdtempSync(join(tmpdir(), 'ar-studio-scaffold-'));
  mkdirSync(join(home, 'active-response', 'bin'), { recursive: true });
  mkdirSync(join(home, 'logs'));
  const bin = join(home, 'active-response', 'bin', name);
  copyFileSync(join(TEMPLATES, file), bin);
  return { bin, log: join(home, 'logs', 'active-responses.log') };
}

/**
 * Runs the script the way execd does: one JSON line on a standard input that stays open. Resolves with
 * each line the script prints, answered by `answer`, and the exit code, which only comes if the script
 * stops reading after the lines it is owed.
 */
function run(interpreter: string, bin: string, input: object, answer?: (line: string) => object) {
  const child: ChildProcessWithoutNullStreams = spawn(interpreter, [bin]);
  const printed: string[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      printed.push(line);
      if (answer) child.stdin.write(`${JSON.stringify(answer(line))}\n`);
    }
  });
  child.stdin.write(`${JSON.stringify(input)}\n`);
  return new Promise<{ code: number | null; printed: string[] }>((done) => {
    child.on('exit', (code) => {
      child.stdin.destroy();
      done({ code, printed });
    });
  });
}

const FINDING_5 = (command: string, type: 'stateful' | 'stateless') => ({
  wazuh: {
    active_response: {
      name: 'block-ssh-local',
      executable: 'block-ssh',
      type,
      stateful_timeout: 60,
      extra_arguments: '--severity high',
      location: 'local',
    },
    agent: { id: '001', name: 'web-1' },
  },
  source: { ip: '203.0.113.7' },
  user: { name: 'root' },
  command,
});

const ALERT_4 = (command: string) => ({
  version: 1,
  origin: { name: 'node01', module: 'wazuh-execd' },
  command,
  parameters: {
    extra_args: ['--severity', 'high'],
    alert: { rule: { id: '5760', level: 10 }, data: { srcip: '203.0.113.7', dstuser: 'root' } },
    program: 'active-response/bin/block-ssh',
  },
});

const keysOf = (line: string) =>
  JSON.parse(line) as { command: string; origin: { name: string }; parameters: { keys: string[] } };

const SCAFFOLDS = [
  { file: 'custom-ar-5.0.sh', interpreter: 'bash' },
  { file: 'custom-ar-5.0.py', interpreter: 'python3' },
] as const;
const SCAFFOLDS_4 = [
  { file: 'custom-ar-4.x.sh', interpreter: 'bash' },
  { file: 'custom-ar-4.x.py', interpreter: 'python3' },
] as const;

describe('the machine runs the scaffolds', () => {
  it('has jq (the bash scaffolds need it; npm test installs it with apt-get) and python3', () => {
    expect(spawnSync('jq', ['--version']).status, 'jq is missing: apt-get install -y jq').toBe(0);
    expect(spawnSync('python3', ['--version']).status, 'python3 is missing').toBe(0);
  });
});

describe('the 5.0 scaffolds, run as execd runs them', { timeout: 30_000 }, () => {
  for (const { file, interpreter } of SCAFFOLDS) {
    it(`${file}: a stateful enable asks check_keys with the source IP, acts on continue, exits with stdin open`, async () => {
      const { bin, log } = install(file, 'block-ssh');
      const { code, printed } = await run(interpreter, bin, FINDING_5('enable', 'stateful'), () => ({
        ...FINDING_5('continue', 'stateful'),
      }));
      expect(code).toBe(0);
      expect(printed).toHaveLength(1);
      expect(keysOf(printed[0])).toEqual({
        version: 1,
        origin: { name: 'block-ssh', module: 'active-response' },
        command: 'check_keys',
        parameters: { keys: ['203.0.113.7'] },
      });
      const logged = readFileSync(log, 'utf8');
      expect(logged).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d block-ssh: \{/m);
      expect(logged).toContain('enable source.ip=203.0.113.7 user.name=root extra_arguments=--severity high');
    });

    it(`${file}: abort means nothing to do`, async () => {
      const { bin, log } = install(file, 'block-ssh');
      const { code } = await run(interpreter, bin, FINDING_5('enable', 'stateful'), () =>
        FINDING_5('abort', 'stateful'),
      );
      expect(code).toBe(0);
      expect(readFileSync(log, 'utf8')).toContain("execd answered 'abort': nothing to do");
      expect(readFileSync(log, 'utf8')).not.toContain('enable source.ip');
    });

    it(`${file}: a stateless enable and a disable need no handshake and exit after one line`, async () => {
      const { bin, log } = install(file, 'block-ssh');
      const stateless = await run(interpreter, bin, FINDING_5('enable', 'stateless'));
      expect(stateless).toEqual({ code: 0, printed: [] });
      const disable = await run(interpreter, bin, FINDING_5('disable', 'stateful'));
      expect(disable).toEqual({ code: 0, printed: [] });
      expect(readFileSync(log, 'utf8')).toContain('disable source.ip=203.0.113.7');
    });

    it(`${file}: refuses a 4.x command`, async () => {
      const { bin, log } = install(file, 'block-ssh');
      expect((await run(interpreter, bin, ALERT_4('add'))).code).toBe(1);
      expect(readFileSync(log, 'utf8')).toContain("unknown command 'add'");
    });
  }
});

describe('the 4.2–4.14 scaffolds, run as execd runs them', { timeout: 30_000 }, () => {
  for (const { file, interpreter } of SCAFFOLDS_4) {
    it(`${file}: add asks check_keys, acts on continue with the alert's fields and extra_args`, async () => {
      const { bin, log } = install(file, 'block-ssh');
      const { code, printed } = await run(interpreter, bin, ALERT_4('add'), () => ALERT_4('continue'));
      expect(code).toBe(0);
      expect(keysOf(printed[0]).parameters.keys).toEqual(['203.0.113.7']);
      expect(readFileSync(log, 'utf8')).toContain(
        'add srcip=203.0.113.7 dstuser=root extra_args=--severity high',
      );
    });

    it(`${file}: abort, delete and a 5.0 command`, async () => {
      const { bin, log } = install(file, 'block-ssh');
      expect((await run(interpreter, bin, ALERT_4('add'), () => ALERT_4('abort'))).code).toBe(0);
      expect(await run(interpreter, bin, ALERT_4('delete'))).toEqual({ code: 0, printed: [] });
      expect((await run(interpreter, bin, FINDING_5('enable', 'stateful'))).code).toBe(1);
      const logged = readFileSync(log, 'utf8');
      expect(logged).toContain("execd answered 'abort': nothing to do");
      expect(logged).toContain('delete srcip=203.0.113.7');
      expect(logged).toContain("unknown command 'enable'");
    });
  }
});

describe('the 5.0 block-ip template', () => {
  it('is a definition and a monitor the indexer accepts, the monitor firing the definition', () => {
    const { definition, monitor } = JSON.parse(readFileSync(join(TEMPLATES, 'block-ip.5.0.json'), 'utf8'));
    expect(definition.config.active_response.executable).toBe('block-ip');
    expect(definitionProblems(definition)).toEqual([]);
    expect(monitorProblems(monitor, definition.config_id)).toEqual([]);
  });
});
