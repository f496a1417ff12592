import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_BENCH_TEST_TIMEOUT } from '../src/core/test-support/timeouts';

// The benchmarks are not part of `npm test`; this only checks that both still run, on a tiny input, and
// write results the README script can read. Their figures are not checked: they are a benchmark's.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CHROMIUM = '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'ar-bench-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[], timeout: number): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(TSX, [script, ...args], { cwd: ROOT, timeout, maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: stdout + stderr }),
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

describe.skipIf(!existsSync(CHROMIUM))(`npm run bench:browser (needs ${CHROMIUM})`, () => {
  it(
    'builds the app, measures 8 blocks and 3 keystrokes in Chromium and writes its results',
    async () => {
      const results = join(work, 'browser.json');
      const { code, output } = await run(
        'bench/browser.ts',
        ['--tiny', '--out', join(work, 'browser-out'), '--results', results],
        BROWSER_BENCH_TEST_TIMEOUT - 10_000,
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
      expect(browser.table).toMatch(/^\| measure \|/);
    },
    BROWSER_BENCH_TEST_TIMEOUT,
  );
});
