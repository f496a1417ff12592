/**
 * `npm run bench:browser`: what a user waits for in the page, measured in Debian's Chromium against the
 * production build served by `vite preview` on a port of its own — open a file (file chosen → block list
 * interactive), select a block, type in a form field (→ form and XML view show it) at 8, 1,000 and 10,000
 * blocks and for a 10 MB file, and the JavaScript the page loads (gzipped) before it is usable and in all.
 * Printed beside the targets of issue 9 §2; written to bench/results/latest.json under `browser`.
 *
 * Every step has a time limit: a step that runs past it is reported as "did not finish in N s" and the
 * benchmark goes on with the next file. Flags: `--tiny` (8 blocks, 2 selections, 3 keystrokes: the unit
 * test's run), `--dist <dir>` (measure that build instead of building one into bench/out/dist),
 * `--port <n>` (default: a free port), `--out <dir>` (build and generated files; default bench/out),
 * `--results <file>`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { fieldValue, readDocument } from '../src/core';
import { generateConfig, generateConfigOfSize } from './generate';
import { describeMachine, machine, resultsPath, writeResult } from './results';
import { markdownTable, median, ms, percentile, textTable } from './table';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE = fileURLToPath(new URL('./page-probe.js', import.meta.url));

const argv = process.argv.slice(2);
const tiny = argv.includes('--tiny');
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
};
/** Where the build and the generated files go. */
const OUT = resolve(option('--out') ?? join(ROOT, 'bench/out'));

interface Size {
  label: string;
  make: () => { text: string; blocks: number };
  /** Time limits in seconds: opening the file, and typing all the keystrokes. */
  openLimit: number;
  typingLimit: number;
}

const TEN_MB = 10 * 1024 * 1024;
const blocksOf = (blocks: number) => () => ({ text: generateConfig(blocks), blocks });
const SIZES: Size[] = tiny
  ? [{ label: '8 blocks', make: blocksOf(8), openLimit: 60, typingLimit: 60 }]
  : [
      { label: '8 blocks', make: blocksOf(8), openLimit: 60, typingLimit: 60 },
      { label: '1,000 blocks', make: blocksOf(1000), openLimit: 90, typingLimit: 90 },
      { label: '10,000 blocks', make: blocksOf(10_000), openLimit: 120, typingLimit: 120 },
      { label: '10 MB', make: () => generateConfigOfSize(TEN_MB), openLimit: 240, typingLimit: 150 },
    ];
const KEYSTROKES = tiny ? 3 : 30;
const SELECTIONS = tiny ? 2 : 5;
/** A fast typist: a key every 100 ms, or as soon as the page showed the previous one when it is slower. */
const KEY_INTERVAL_MS = 100;
const STEP_LIMIT_S = 60;

class DidNotFinish extends Error {
  constructor(
    readonly step: string,
    readonly seconds: number,
  ) {
    super(`${step}: did not finish in ${seconds} s`);
  }
}

async function within<T>(seconds: number, step: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DidNotFinish(step, seconds)), seconds * 1000);
  });
  try {
    return await Promise.race([work(), limit]);
  } finally {
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function build(outDir: string): void {
  console.log(`building the production app into ${outDir} …`);
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit', timeout: 300_000 },
  );
  if (run.status !== 0) throw new Error(`vite build failed (status ${run.status ?? run.signal})`);
}

async function preview(outDir: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    join(ROOT, 'node_modules/.bin/vite'),
    ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const started = Date.now();
  while (Date.now() - started < STEP_LIMIT_S * 1000) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with status ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  server.kill();
  throw new DidNotFinish('vite preview start', STEP_LIMIT_S);
}

interface Probed {
  matched: number;
  painted: number;
  start: number | null;
}

type ProbeCondition = 'usable' | 'importReady' | 'blocks' | 'form' | 'typed';

/** Starts watching in the page for `condition`; the returned function waits for it (page-probe.js). */
async function arm(
  page: Page,
  condition: ProbeCondition,
  arg: unknown,
  startEvent: 'change' | 'click' | 'keydown' | '',
): Promise<() => Promise<Probed>> {
  const id = await page.evaluate(
    ([c, a, e]) =>
      (globalThis as unknown as { __arBench: { arm: (...x: unknown[]) => number } }).__arBench.arm(c, a, e),
    [condition, arg, startEvent] as const,
  );
  return () =>
    page.evaluate(
      (i) =>
        (globalThis as unknown as { __arBench: { result: (i: number) => Promise<Probed> } }).__arBench.result(
          i,
        ),
      id,
    );
}

function elapsed(probed: Probed, what: string): number {
  if (probed.start === null) throw new Error(`the page saw no event starting "${what}"`);
  return probed.painted - probed.start;
}

function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([f, t]) =>
      (
        globalThis as unknown as { __arBench: { longestTask: (f: number, t: number) => number } }
      ).__arBench.longestTask(f, t),
    [from, to] as const,
  );
}

/** Waits until the page's main thread has been free of long tasks for `quietMs`, for at most the step limit. */
async function quiet(page: Page, quietMs: number): Promise<void> {
  await within(STEP_LIMIT_S + 10, 'wait for the page to settle', () =>
    page.evaluate(
      ([q, m]) =>
        (
          globalThis as unknown as { __arBench: { settled: (q: number, m: number) => Promise<boolean> } }
        ).__arBench.settled(q, m),
      [quietMs, STEP_LIMIT_S * 1000] as const,
    ),
  );
}

interface SizeResult {
  label: string;
  blocks: number;
  bytes: number;
  openMs?: number;
  /** The longest the main thread was blocked at once while opening. */
  openLongestTaskMs?: number;
  selectMs: number[];
  keystrokeMs: number[];
  /** The step that ran past its limit, if one did, as "<step>: did not finish in N s". */
  didNotFinish?: string;
  pageErrors: string[];
}

async function measureSize(context: BrowserContext, size: Size, file: string): Promise<SizeResult> {
  const { text, blocks: requested } = size.make();
  writeFileSync(file, text);
  const doc = readDocument(text, 'utf-8');
  const result: SizeResult = {
    label: size.label,
    blocks: doc.blocks.length,
    bytes: Buffer.byteLength(text),
    selectMs: [],
    keystrokeMs: [],
    pageErrors: [],
  };
  console.log(
    `\n${size.label}: ${requested.toLocaleString('en')} blocks requested, ${result.blocks.toLocaleString('en')} read, ${(result.bytes / 1e6).toFixed(2)} MB`,
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => result.pageErrors.push(error.message));
  page.setDefaultTimeout(STEP_LIMIT_S * 1000);
  try {
    await within(STEP_LIMIT_S, 'load the page', async () => {
      await page.goto('/');
      await (await arm(page, 'usable', null, ''))();
    });

    // Open: file chosen → the import dialog has read it; "Open as the document" clicked → list interactive.
    // The time between the two (the user's decision) is not counted.
    await within(size.openLimit, 'open', async () => {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByLabel('A file').click();
      const read = await arm(page, 'importReady', null, 'change');
      await (await chooser).setFiles(file);
      const dialog = await read();
      const listed = await arm(page, 'blocks', result.blocks, 'click');
      await page.getByRole('button', { name: 'Open as the document' }).click();
      const list = await listed();
      result.openMs = elapsed(dialog, 'open: file chosen') + elapsed(list, 'open: Open as the document');
      result.openLongestTaskMs = Math.max(
        await longestTask(page, dialog.start ?? 0, dialog.painted),
        await longestTask(page, list.start ?? 0, list.painted),
      );
    });
    console.log(`  open ${ms(result.openMs ?? 0)} (longest freeze ${ms(result.openLongestTaskMs ?? 0)})`);
    // What the page still does once the list shows (checks deferred until typing pauses) is not the next
    // step's cost: wait until the main thread is quiet, for at most the step limit.
    await quiet(page, 500);

    // Select: commands near the top of the list (in view without scrolling), each a different block.
    const commands = doc.blocks.filter((block) => block.kind === 'command').slice(1, SELECTIONS + 1);
    if (commands.length === 0) throw new Error('the generated file has no command to select');
    const list = page.getByRole('listbox', { name: /Blocks/ });
    for (const block of commands) {
      const name = fieldValue(block, 'name') ?? '';
      const selectMs = await within(STEP_LIMIT_S, `select ${name}`, async () => {
        const shown = await arm(page, 'form', `Command ${name}`, 'click');
        // By position: matching on names makes Playwright compute the name of every row, minutes at 10,000
        // rows. The form condition checks that the row clicked is this command's.
        await list.getByRole('option').nth(block.index).click();
        return elapsed(await shown(), 'select');
      });
      result.selectMs.push(selectMs);
      await quiet(page, 300);
    }
    console.log(`  select ${result.selectMs.map(ms).join(', ')}`);

    // Keystrokes at the end of the last selected command's Executable.
    const last = commands[commands.length - 1];
    let value = fieldValue(last, 'executable') ?? '';
    const field = page
      .getByRole('form', { name: `Command ${fieldValue(last, 'name')}` })
      .getByLabel('Executable', {
        exact: true,
      });
    await within(STEP_LIMIT_S, 'focus the Executable field', async () => {
      await field.click();
      await field.press('End');
    });
    const typingStarted = Date.now();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < KEYSTROKES; i++) {
      const left = size.typingLimit - (Date.now() - typingStarted) / 1000;
      if (left <= 0) throw new DidNotFinish(`keystrokes (${i} of ${KEYSTROKES} done)`, size.typingLimit);
      const sent = Date.now();
      const letter = letters[i % letters.length];
      value += letter;
      // The limit is the typing's as a whole: a keystroke cut short by it reports that limit.
      const typing = `keystrokes (${i} of ${KEYSTROKES} done)`;
      const keyMs = await within(Math.ceil(left), typing, async () => {
        const shown = await arm(
          page,
          'typed',
          { value, line: `<executable>${value}</executable>` },
          'keydown',
        );
        await page.keyboard.press(letter);
        return elapsed(await shown(), 'keystroke');
      }).catch((error: unknown) => {
        throw error instanceof DidNotFinish ? new DidNotFinish(typing, size.typingLimit) : error;
      });
      result.keystrokeMs.push(keyMs);
      const wait = KEY_INTERVAL_MS - (Date.now() - sent);
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    }
    console.log(
      `  keystroke p50 ${ms(percentile(result.keystrokeMs, 0.5))}, p95 ${ms(percentile(result.keystrokeMs, 0.95))} (${result.keystrokeMs.length})`,
    );
  } catch (error) {
    if (!(error instanceof DidNotFinish)) throw error;
    result.didNotFinish = error.message;
    console.log(`  ${error.message}`);
  } finally {
    // A page frozen by a step that ran past its limit may not close promptly; the browser closes it at the end.
    await within(STEP_LIMIT_S, 'close the page', () => page.close()).catch(() => undefined);
  }
  return result;
}

interface ScriptSize {
  file: string;
  gzipBytes: number;
}

function gzipSize(distDir: string, path: string): number {
  return gzipSync(readFileSync(join(distDir, path)), { level: 9 }).length;
}

/**
 * The scripts the page needs to be usable (list, forms, problems): those index.html loads, but the XML
 * editor it preloads to arrive in parallel, and the worker that checks the document for the problems list.
 */
function initialScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const fromHtml = tags
    .filter((tag) => /^<script\b[^>]*type="module"/.test(tag) || /rel="modulepreload"/.test(tag))
    .filter((tag) => !tag.includes('data-xml-editor'))
    .map((tag) => /(?:src|href)="([^"]+)"/.exec(tag)?.[1])
    .filter((path): path is string => path?.startsWith('/') === true);
  const workers = readdirSync(join(distDir, 'assets'))
    .filter((name) => /^analysis\.worker-[^/]+\.js$/.test(name))
    .map((name) => `/assets/${name}`);
  return [...fromHtml, ...workers];
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

interface Row {
  measure: string;
  file: string;
  result: string;
  target: string;
  met: '' | 'yes' | 'no';
}

function rowsOf(sizes: SizeResult[], initial: number, total: number): Row[] {
  const rows: Row[] = [];
  // A step with a target that did not finish missed it.
  const verdict = (value: number | undefined, limit: number | undefined): Row['met'] =>
    limit === undefined ? '' : value !== undefined && value < limit ? 'yes' : 'no';
  const failed = (size: SizeResult) => size.didNotFinish ?? 'not measured';
  const openTarget: Record<string, number> = { '10,000 blocks': 1000, '10 MB': 5000 };
  const keyTarget: Record<string, number> = { '8 blocks': 8, '1,000 blocks': 16, '10,000 blocks': 33 };
  for (const size of sizes) {
    const limit = openTarget[size.label];
    rows.push({
      measure: 'open (file chosen → list interactive)',
      file: size.label,
      result:
        size.openMs === undefined
          ? failed(size)
          : `${ms(size.openMs)} (longest freeze ${ms(size.openLongestTaskMs ?? 0)})`,
      target: limit === undefined ? '' : `< ${limit / 1000} s`,
      met: verdict(size.openMs, limit),
    });
  }
  for (const size of sizes) {
    const slowest = size.selectMs.length ? Math.max(...size.selectMs) : undefined;
    rows.push({
      measure: 'select a block (median, slowest)',
      file: size.label,
      result: slowest === undefined ? failed(size) : `${ms(median(size.selectMs))}, ${ms(slowest)}`,
      target: '< 50 ms',
      met: verdict(slowest, 50),
    });
  }
  for (const size of sizes) {
    const limit = keyTarget[size.label];
    const done = size.keystrokeMs.length;
    const p95 = done ? percentile(size.keystrokeMs, 0.95) : undefined;
    const partial = done < KEYSTROKES ? ` — only ${done} of ${KEYSTROKES}: ${failed(size)}` : '';
    rows.push({
      measure: 'keystroke → form and XML view (p50 / p95)',
      file: size.label,
      result:
        p95 === undefined ? failed(size) : `${ms(percentile(size.keystrokeMs, 0.5))} / ${ms(p95)}${partial}`,
      target: limit === undefined ? '' : `p95 < ${limit} ms`,
      met: verdict(done < KEYSTROKES ? undefined : p95, limit),
    });
  }
  rows.push({
    measure: 'JS before the page is usable (gzip)',
    file: 'any',
    result: kB(initial),
    target: '≤ 130 kB',
    met: initial <= 130_000 ? 'yes' : 'no',
  });
  rows.push({
    measure: 'JS loaded in all (gzip)',
    file: 'any',
    result: kB(total),
    target: '≤ 320 kB',
    met: total <= 320_000 ? 'yes' : 'no',
  });
  return rows;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
  const given = option('--dist');
  const distDir = given ? resolve(given) : join(OUT, 'dist');
  if (!given) build(distDir);
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir} holds no built app`);
  mkdirSync(OUT, { recursive: true });

  const port = Number(option('--port') ?? (await freePort()));
  const origin = `http://127.0.0.1:${port}`;
  const server = await preview(distDir, port);
  let browser: Browser | undefined;
  try {
    browser = await within(STEP_LIMIT_S, 'launch Chromium', () =>
      chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
        ],
      }),
    );
    const requested = new Set<string>();
    const sizes: SizeResult[] = [];
    for (const size of SIZES) {
      // A fresh profile for each file: no draft of the previous one is restored at load.
      const context = await browser.newContext({ baseURL: origin, viewport: { width: 1440, height: 900 } });
      await context.addInitScript({ path: PROBE });
      context.on('response', (response) => {
        const url = new URL(response.url());
        if (url.origin === origin && /\.m?js$/.test(url.pathname)) requested.add(url.pathname);
      });
      const file = join(OUT, `browser-${size.label.replace(/\W+/g, '-')}.conf`);
      sizes.push(await measureSize(context, size, file));
      await within(STEP_LIMIT_S, 'close the browser context', () => context.close()).catch(() => undefined);
    }

    const initialFiles: ScriptSize[] = initialScripts(distDir).map((file) => ({
      file,
      gzipBytes: gzipSize(distDir, file),
    }));
    const loadedFiles: ScriptSize[] = [...requested]
      .sort()
      .map((file) => ({ file, gzipBytes: gzipSize(distDir, file) }));
    // A built script never requested shows up here: a worker whose requests the page's events missed, or
    // code no step of the run needed.
    const notRequested = readdirSync(join(distDir, 'assets'))
      .map((name) => `/assets/${name}`)
      .filter((file) => /\.m?js$/.test(file) && !requested.has(file));
    const sum = (files: ScriptSize[]) => files.reduce((total, f) => total + f.gzipBytes, 0);
    const rows = rowsOf(sizes, sum(initialFiles), sum(loadedFiles));
    const header = ['measure', 'file', 'result', 'issue 9 target', 'met'];
    const cells = [header, ...rows.map((r) => [r.measure, r.file, r.result, r.target, r.met])];
    const m = machine(browser.version());

    console.log(`\nAR Studio browser benchmark — ${describeMachine(m)}${tiny ? ' (tiny run)' : ''}`);
    console.log(
      'times run from the input event to the first frame painted with the result; kB are 1,000 bytes gzipped at level 9, as Vite reports them\n',
    );
    console.log(textTable(cells));
    console.log(
      `\nscripts before usable: ${initialFiles.map((f) => `${f.file} ${kB(f.gzipBytes)}`).join(', ')}`,
    );
    console.log(
      `scripts loaded in all: ${loadedFiles.map((f) => `${f.file} ${kB(f.gzipBytes)}`).join(', ')}`,
    );
    if (notRequested.length) console.log(`built scripts never requested: ${notRequested.join(', ')}`);

    const path = resultsPath(argv);
    writeResult(path, 'browser', {
      machine: m,
      tiny,
      keystrokes: KEYSTROKES,
      keyIntervalMs: KEY_INTERVAL_MS,
      sizes,
      scripts: {
        initial: initialFiles,
        loaded: loadedFiles,
        initialGzipBytes: sum(initialFiles),
        totalGzipBytes: sum(loadedFiles),
        notRequested,
      },
      rows,
      table: markdownTable(cells),
    });
    console.log(`\nwritten to ${path}`);
  } finally {
    await within(STEP_LIMIT_S, 'close Chromium', async () => browser?.close()).catch(() => undefined);
    server.kill();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
