import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_SCRIPT_TEST_TIMEOUT } from '../src/core/test-support/timeouts';

// The benchmarks are not part of `npm test`; this only checks that both still run, on a tiny input, and
// write results the README script can read. Their figures are not checked: they are a benchmark's.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CHROMIUM = '/usr/bin/chromium';
/** The Node flags `npm run bench` gives tsx (package.json). */
const NPM_RUN_BENCH_FLAGS = ['--expose-gc', '--single-threaded'];
const work = mkdtempSync(join(tmpdir(), 'ar-bench-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(
  script: string,
  args: string[],
  timeout: number,
  nodeFlags: string[] = [],
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      TSX,
      [...nodeFlags, script, ...args],
      { cwd: ROOT, timeout, maxBuffer: 1 << 24 },
      (error, stdout, stderr) =>
        done({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          output: stdout + stderr,
        }),
    );
  });
}

function readResult(path: string, key: string): Record<string, unknown> {
  const all = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
  return all[key];
}

function expectMachine(result: Record<string, unknown>): void {
  expect(result.machine).toMatchObject({
    cpu: expect.any(String),
    cores: expect.any(Number),
    memoryGiB: expect.any(Number),
    node: process.version,
    date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
}

describe('npm run bench', () => {
  it(
    'measures 8- and 16-block files and writes its results',
    async () => {
      const results = join(work, 'node.json');
      const { code, output } = await run(
        'bench/run.ts',
        ['--tiny', '--results', results],
        BENCH_SCRIPT_TEST_TIMEOUT - 5_000,
        NPM_RUN_BENCH_FLAGS,
      );
      expect(code, output).toBe(0);
      const node = readResult(results, 'node');
      expectMachine(node);
      const sizes = node.sizes as Array<{ blocks: number; steps: Array<{ ms: number; perFloor: number }> }>;
      expect(sizes.map((s) => s.blocks)).toEqual([8, 16]);
      for (const step of sizes.flatMap((s) => s.steps)) {
        expect(step.ms).toBeGreaterThan(0);
        expect(step.perFloor).toBeGreaterThan(0);
      }
      const edits = node.edits as Array<{ edit: string; ms: number[] }>;
      expect(edits.map((e) => e.edit.trim())).toEqual([
        'set a field (setField)',
        'then validate the whole document (validate)',
        'then check what the edit changed (createChecker)',
        'insert a block (insertBlock)',
        'then check what the edit changed (createChecker)',
        'remove a block (removeBlock)',
        'then check what the edit changed (createChecker)',
        'move a block down (moveBlock)',
        'then check what the edit changed (createChecker)',
      ]);
      for (const edit of edits) expect(edit.ms).toHaveLength(2);
      expect(node.table).toMatch(/\| step +\| AR Studio \| floor scan \|/);
    },
    BENCH_SCRIPT_TEST_TIMEOUT,
  );

  it(
    "keeps the other benchmark's results when it writes its own",
    async () => {
      const results = join(work, 'both.json');
      writeFileSync(results, JSON.stringify({ browser: { kept: true } }));
      const { code, output } = await run(
        'bench/run.ts',
        ['--tiny', '--results', results],
        BENCH_SCRIPT_TEST_TIMEOUT - 5_000,
        NPM_RUN_BENCH_FLAGS,
      );
      expect(code, output).toBe(0);
      expect(readResult(results, 'browser')).toEqual({ kept: true });
      expect(readResult(results, 'node')).toMatchObject({ tiny: true });
    },
    BENCH_SCRIPT_TEST_TIMEOUT,
  );
});

describe('npm run bench:readme', () => {
  it(
    'writes the last tables and their machine between the markers, and nothing else',
    async () => {
      const results = join(work, 'readme-results.json');
      const readme = join(work, 'README.md');
      const machine = {
        cpu: 'Test CPU',
        cores: 2,
        memoryGiB: 4,
        node: 'v20.0.0',
        date: '2026-01-02T03:04:05.000Z',
      };
      writeFileSync(
        results,
        JSON.stringify({
          node: {
            machine,
            tiny: false,
            clock: 'cpu',
            table:
              'At 8 blocks:\n\n| step | AR Studio |\n| --- | ---: |\n| read | 1.00 ms |\n|   then check | 10.0 µs |',
          },
        }),
      );
      const before = '# Title\n\n## Benchmarks\n\n';
      const after = '\n\n## Next\n';
      const markers = readFileSync(join(ROOT, 'README.md'), 'utf8').match(
        /<!-- benchmarks:start[^>]*-->[\s\S]*?<!-- benchmarks:end -->/,
      );
      expect(markers, 'the README has the Benchmarks markers').not.toBeNull();
      writeFileSync(readme, `${before}${markers?.[0]}${after}`);
      const { code, output } = await run(
        'scripts/bench-readme.ts',
        ['--results', results, '--readme', readme],
        BENCH_SCRIPT_TEST_TIMEOUT - 5_000,
      );
      expect(code, output).toBe(0);
      const written = readFileSync(readme, 'utf8');
      expect(written.startsWith(before)).toBe(true);
      expect(written.endsWith(after)).toBe(true);
      expect(written).toContain('### The core (`npm run bench`)');
      expect(written).toContain('Test CPU, 2 cores, 4 GiB, Node v20.0.0, 2026-01-02 03:04 UTC; CPU time.');
      expect(written).toContain('At 8 blocks:\n\n| step       | AR Studio |\n| ---------- | --------: |\n');
      // Laid out as the formatter lays it out: `biome check` passes on a README the script wrote.
      const formatted = spawnSync(
        join(ROOT, 'node_modules/.bin/biome'),
        ['format', '--stdin-file-path=README.md'],
        {
          input: written,
          encoding: 'utf8',
        },
      );
      expect(formatted.stdout).toBe(written);
      expect(written).toContain('Not run yet: `npm run bench:browser`.');
    },
    BENCH_SCRIPT_TEST_TIMEOUT,
  );
});

describe.skipIf(!existsSync(CHROMIUM))(`npm run bench:browser (needs ${CHROMIUM})`, () => {
  it(
    'builds the app, measures 8 blocks and 3 keystrokes in Chromium and writes its results',
    async () => {
      const results = join(work, 'browser.json');
      const { code, output } = await run(
        'bench/browser.ts',
        ['--tiny', '--out', join(work, 'browser-out'), '--results', results],
        BENCH_SCRIPT_TEST_TIMEOUT - 10_000,
      );
      expect(output).not.toContain('did not finish');
      expect(code, output).toBe(0);
      const browser = readResult(results, 'browser');
      expectMachine(browser);
      expect(browser.machine).toMatchObject({ chromium: expect.stringMatching(/^\d+\./) });
      const [size] = browser.sizes as Array<Record<string, unknown>>;
      expect(size).toMatchObject({ label: '8 blocks', blocks: 8, openMs: expect.any(Number) });
      expect(size.selectMs).toHaveLength(2);
      expect(size.keystrokeMs).toHaveLength(3);
      for (const ms of [size.openMs, ...(size.selectMs as number[]), ...(size.keystrokeMs as number[])]) {
        expect(ms).toBeGreaterThan(0);
      }
      const scripts = browser.scripts as { initialGzipBytes: number; totalGzipBytes: number };
      expect(scripts.initialGzipBytes).toBeGreaterThan(0);
      expect(scripts.totalGzipBytes).toBeGreaterThanOrEqual(scripts.initialGzipBytes);
      expect(browser.table).toMatch(/^\| measure +\| +file \|/);
    },
    BENCH_SCRIPT_TEST_TIMEOUT,
  );
});
