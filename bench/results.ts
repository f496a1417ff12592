/**
 * `bench/results/latest.json`: one file both benchmarks write, each under its own key (`node`,
 * `browser`), so a run of one keeps the other's last figures. Each result names the machine it ran on.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url));

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** The browser's version, for the browser benchmark. */
  chromium?: string;
  date: string;
}

export function machine(chromium?: string): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    ...(chromium ? { chromium } : {}),
    date: new Date().toISOString(),
  };
}

export function describeMachine(m: Machine): string {
  const browser = m.chromium ? `, Chromium ${m.chromium}` : '';
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}${browser}, ${m.date.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Where results go: `--results <file>` or BENCH_RESULTS, else bench/results/latest.json. */
export function resultsPath(argv: readonly string[]): string {
  const flag = argv.indexOf('--results');
  if (flag !== -1 && argv[flag + 1]) return argv[flag + 1];
  return process.env.BENCH_RESULTS || DEFAULT_RESULTS;
}

/** Replaces one benchmark's entry and keeps the other's. */
export function writeResult(path: string, key: 'node' | 'browser', value: unknown): void {
  let all: Record<string, unknown> = {};
  if (existsSync(path)) {
    try {
      all = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      // An unreadable file (a run cut mid-write) is replaced rather than blocking the new figures.
      all = {};
    }
  }
  all[key] = value;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(all, null, 2)}\n`);
}
