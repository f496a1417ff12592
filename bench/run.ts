/**
 * `npm run bench`: how long the core takes on 1,000-, 10,000- and 50,000-block ossec.conf files. Each step
 * is timed in rounds alternating with a bare tag scan of the same text (bench/floor-scan.ts), so "× floor"
 * means the same on any machine and under any load; xml-js `xml2js` reading the same text is the other
 * reference. Then what one edit of each kind costs at each size, and what checking the document costs
 * after it, with the largest size over the smallest (issue 9 §1: within 2×). Figures only: nothing here
 * passes or fails. Writes bench/results/latest.json under `node`.
 *
 * Flags: `--tiny` (8- and 16-block files, two rounds: the unit test's run), `--wall` (wall-clock time
 * rather than CPU time, see `now`), `--results <file>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { xml2js } from 'xml-js';
import {
  arConfLines,
  type BlockSpec,
  type ConfigDocument,
  createChecker,
  DEFAULT_TARGET,
  deriveResponses,
  diffBlocks,
  diffLines,
  encodeText,
  formatPatch,
  insertBlock,
  moveBlock,
  parseTarget,
  readDocument,
  removeBlock,
  setField,
  type ValidateOptions,
  validate,
} from '../src/core';
import { countTags } from './floor-scan';
import { generateConfig } from './generate';
import { describeMachine, machine, resultsPath, writeResult } from './results';
import { markdownTable, median, ms, textTable } from './table';

const argv = process.argv.slice(2);
const tiny = argv.includes('--tiny');
const SIZES = tiny ? [8, 16] : [1_000, 10_000, 50_000];
/** Rounds per step (fewer for slow steps, see roundsFor). */
const ROUNDS = tiny ? 2 : 5;
const XML2JS_UP_TO = 10_000;
/** A round runs a fast step several times, so that the timer's resolution does not dominate it. */
const ROUND_MS = 10;

/** Present when run with --expose-gc (as `npm run bench` does). */
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * The clock: this process's CPU time (user + system) by default, so that what other processes do on a
 * busy machine is not counted — under load, wall time swings tenfold while CPU time stays within a few
 * per cent. `--wall` times wall-clock instead (what a user waits on an idle machine, about the same).
 */
const wall = argv.includes('--wall');
function cpuTime(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
const now = wall ? () => performance.now() : cpuTime;
// npm run bench runs Node with --single-threaded: no garbage collector or compiler threads, whose CPU
// time the process's would include, so a sample's CPU time is the main thread's work alone.

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Collects the garbage earlier runs left, so that no run pays for another's, then sleeps until the
 * collector's helper threads have finished sweeping: their CPU time would count in the next sample
 * (tripling a 10,000-block floor scan). Once per batch, not per run: with the largest file in memory a
 * collection takes tens of ms.
 */
function collectGarbage(): void {
  if (!gc) return;
  gc();
  for (let i = 0; i < 200; i++) {
    const before = cpuTime();
    Atomics.wait(sleeper, 0, 0, 5);
    if (cpuTime() - before < 0.2) break;
  }
}

function sample(fn: () => unknown): number {
  const start = now();
  fn();
  return now() - start;
}

/**
 * Runs `fn` until the JIT has settled — for about 200 ms and at most 30 times, at least twice when a run is
 * fast — and returns its last time. Too few runs leave the optimising compiler at work on its own thread,
 * whose CPU time the next samples would count.
 */
function warmUp(fn: () => unknown): number {
  let last = sample(fn);
  let spent = last;
  for (let i = 1; i < 30 && (spent < 200 || (i < 2 && last < 100)); i++) {
    last = sample(fn);
    spent += last;
  }
  return last;
}

const perRound = (estimate: number) =>
  Math.min(25, Math.max(1, Math.ceil(ROUND_MS / Math.max(estimate, 0.001))));
/** Fewer rounds for the slowest steps, which vary less, so that the run stays within a few minutes. */
const roundsFor = (estimate: number) => (tiny ? ROUNDS : estimate > 500 ? 3 : estimate > 100 ? 4 : ROUNDS);

interface AgainstFloor {
  /** Median of the step, and of the floor scan timed in the same rounds, in ms. */
  ours: number;
  floor: number;
}

/** The step's median and the floor's, in alternating rounds, so that a change in load hits both alike. */
function againstFloor(fn: () => unknown, text: string): AgainstFloor {
  const floor = () => countTags(text);
  warmUp(floor);
  const estimate = warmUp(fn);
  const runs = perRound(estimate);
  const ours: number[] = [];
  const floors: number[] = [];
  for (let round = 0; round < roundsFor(estimate); round++) {
    collectGarbage();
    floors.push(sample(floor));
    collectGarbage();
    for (let i = 0; i < runs; i++) ours.push(sample(fn));
  }
  return { ours: median(ours), floor: median(floors) };
}

/** The median of `fn`, a batch of runs per round, garbage collected before each batch. */
function timed(fn: () => unknown): number {
  const estimate = warmUp(fn);
  const runs = perRound(estimate);
  const samples: number[] = [];
  for (let round = 0; round < roundsFor(estimate); round++) {
    collectGarbage();
    for (let run = 0; run < runs; run++) samples.push(sample(fn));
  }
  return median(samples);
}

const times = (value: number) => `${value.toFixed(1)}×`;
const count = (value: number) => value.toLocaleString('en');

const target = parseTarget(DEFAULT_TARGET);
const options: ValidateOptions = { target, role: 'manager' };

interface File {
  blocks: number;
  text: string;
  doc: ConfigDocument;
  middle: number;
}

function fileOf(blocks: number): File {
  const text = generateConfig(blocks);
  const doc = readDocument(text, 'utf-8');
  return { blocks, text, doc, middle: Math.floor(doc.blocks.length / 2) };
}

const editedField = (doc: ConfigDocument, index: number) =>
  doc.blocks[index].kind === 'command' ? 'executable' : 'location';

// ---- The core's steps at each size, against the floor and xml2js ----------------------------------------

interface StepResult {
  step: string;
  ms: number;
  floorMs: number;
  /** The step's time over the floor scan's, measured in the same rounds. */
  perFloor: number;
  /** xml2js's time over the step's, each normalised by the floor timed alongside it. */
  xml2jsPerStep: number | null;
}

interface SizeResult {
  blocks: number;
  blocksRead: number;
  bytes: number;
  lines: number;
  tags: number;
  floorMs: number;
  /** Null where xml2js is not run (above XML2JS_UP_TO blocks). */
  xml2jsMs: number | null;
  xml2jsPerFloor: number | null;
  steps: StepResult[];
  table: string[][];
}

function measureSize({ blocks, text, doc, middle }: File): SizeResult {
  // A draft three field edits away from the file: what the diff view and the patch export compare.
  const edited = [
    Math.floor(doc.blocks.length / 10),
    middle,
    Math.floor((doc.blocks.length * 9) / 10),
  ].reduce((draft, index) => setField(draft, index, editedField(draft, index), 'edited'), doc);
  const field = editedField(doc, middle);
  const steps: Array<[string, () => unknown]> = [
    ['read (readDocument)', () => readDocument(text, 'utf-8')],
    ['export (encodeText)', () => encodeText(doc.text, doc.encoding)],
    [`edit one field (setField ${field}, block ${middle})`, () => setField(doc, middle, field, 'edited')],
    [`validate (${target.id}, manager)`, () => validate(doc, options)],
    [`ar.conf lines (arConfLines, ${target.id})`, () => arConfLines(doc, target)],
    [`response summaries (deriveResponses, ${target.id})`, () => deriveResponses(doc, target)],
    [
      'diff after three edits (diffLines, diffBlocks)',
      () => diffBlocks(doc, edited, diffLines(text, edited.text)),
    ],
    [
      'unified patch after three edits (formatPatch)',
      () => formatPatch(diffLines(text, edited.text), 'ossec.conf'),
    ],
  ];

  // xml2js takes seconds a run at 50,000 blocks, and its ratio hardly moves with size: not run there.
  const reference =
    blocks <= XML2JS_UP_TO
      ? againstFloor(() => xml2js(text, { compact: false, captureSpacesBetweenElements: true }), text)
      : null;
  const xml2jsPerFloor = reference ? reference.ours / reference.floor : null;
  const results: StepResult[] = steps.map(([step, fn]) => {
    const { ours, floor } = againstFloor(fn, text);
    return {
      step,
      ms: ours,
      floorMs: floor,
      perFloor: ours / floor,
      xml2jsPerStep: xml2jsPerFloor === null ? null : xml2jsPerFloor / (ours / floor),
    };
  });

  const table = [
    ['step', 'AR Studio', 'floor scan', '× floor', 'xml2js / AR Studio'],
    ...results.map((r) => [
      r.step,
      ms(r.ms),
      ms(r.floorMs),
      times(r.perFloor),
      r.xml2jsPerStep === null ? 'not run' : times(r.xml2jsPerStep),
    ]),
    ...(reference && xml2jsPerFloor !== null
      ? [
          [
            '(xml2js reading the same text)',
            ms(reference.ours),
            ms(reference.floor),
            times(xml2jsPerFloor),
            '',
          ],
        ]
      : []),
  ];
  return {
    blocks,
    blocksRead: doc.blocks.length,
    bytes: Buffer.byteLength(text),
    lines: text.split('\n').length,
    tags: countTags(text),
    floorMs: median(results.map((r) => r.floorMs)),
    xml2jsMs: reference?.ours ?? null,
    xml2jsPerFloor,
    steps: results,
    table,
  };
}

// ---- One edit of each kind, and checking the document after it, across sizes ----------------------------

const INSERTED: BlockSpec = {
  kind: 'command',
  fields: [
    { name: 'name', value: 'bench-inserted' },
    { name: 'executable', value: 'firewall-drop' },
  ],
};

/** The edits a user makes, each on the block in the middle of the file (the list's Alt+↓ for a move). */
const EDITS: Array<{ kind: string; apply: (doc: ConfigDocument, at: number) => ConfigDocument }> = [
  { kind: 'set a field (setField)', apply: (doc, at) => setField(doc, at, editedField(doc, at), 'edited') },
  {
    kind: 'insert a block (insertBlock)',
    apply: (doc, at) => insertBlock(doc, INSERTED, { before: at }).doc,
  },
  { kind: 'remove a block (removeBlock)', apply: (doc, at) => removeBlock(doc, at) },
  { kind: 'move a block down (moveBlock)', apply: (doc, at) => moveBlock(doc, at, at + 1) },
];

/**
 * Ways to bring the problems up to date after an edit, each timed after every edit above: made once per
 * file, then given the document before and after the edit in turn, so that each timed call catches up
 * with exactly one edit. A checker that keeps state between calls (incremental validation) is timed on
 * what it does per edit. `validate` keeps none and redoes the whole document whatever the edit, so it is
 * timed after the first edit only (`firstEditOnly`), as the baseline.
 */
const CHECKERS: Array<{
  name: string;
  create: (options: ValidateOptions) => { check(doc: ConfigDocument): unknown };
  firstEditOnly?: boolean;
}> = [
  {
    name: 'then validate the whole document (validate)',
    create: (o) => ({ check: (doc) => validate(doc, o) }),
    firstEditOnly: true,
  },
  { name: 'then check what the edit changed (createChecker)', create: createChecker },
];

interface EditResult {
  edit: string;
  /** Median ms at each size, in the order of SIZES. */
  ms: number[];
  /** The largest size's time over the smallest's. */
  largestPerSmallest: number;
}

/** Each edit at one size, and each checker after it: the rows of the edit table, as [name, median ms]. */
function measureEdits({ doc, middle }: File): Array<[string, number]> {
  const rows: Array<[string, number]> = [];
  for (const [position, { kind, apply }] of EDITS.entries()) {
    rows.push([kind, timed(() => apply(doc, middle))]);
    const edited = apply(doc, middle);
    for (const { name, create, firstEditOnly } of CHECKERS) {
      if (firstEditOnly && position > 0) continue;
      const checker = create(options);
      let after = false;
      rows.push([
        `  ${name}`,
        timed(() => {
          after = !after;
          return checker.check(after ? edited : doc);
        }),
      ]);
    }
  }
  return rows;
}

function editTable(perSize: Array<Array<[string, number]>>): { results: EditResult[]; table: string[][] } {
  const results = perSize[0].map(([edit], row): EditResult => {
    const medians = perSize.map((rows) => rows[row][1]);
    return { edit, ms: medians, largestPerSmallest: medians[medians.length - 1] / medians[0] };
  });
  const table = [
    [
      'edit (block in the middle)',
      ...SIZES.map((blocks) => `${count(blocks)} blocks`),
      `${count(SIZES[SIZES.length - 1])} / ${count(SIZES[0])}`,
    ],
    ...results.map((r) => [r.edit, ...r.ms.map(ms), times(r.largestPerSmallest)]),
  ];
  return { results, table };
}

// ---- Run ---------------------------------------------------------------------------------------------------

const started = performance.now();
const m = machine();
console.log(`AR Studio core benchmark — ${describeMachine(m)}${tiny ? ' (tiny run)' : ''}`);
console.log(
  `${wall ? 'wall-clock time' : 'CPU time of this process (user + system; --wall for wall-clock)'}; ` +
    `each figure is a median after warm-up${gc ? ', garbage collected before each batch' : ''}; ` +
    'the floor is a bare single-pass tag scan of the same text, timed in rounds alternating with each step',
);
const out = new URL('./out/', import.meta.url);
mkdirSync(out, { recursive: true });

const sizes: SizeResult[] = [];
const editsPerSize: Array<Array<[string, number]>> = [];
// One size at a time, the others not in memory: a large heap makes every collection, and so every
// allocating step at a smaller size, slower.
for (const blocks of SIZES) {
  const file = fileOf(blocks);
  writeFileSync(new URL(`bench-${blocks}.conf`, out), file.text);
  const size = measureSize(file);
  sizes.push(size);
  console.log(
    `\n${count(size.blocks)} blocks requested, ${count(size.blocksRead)} read, ${(size.bytes / 1e6).toFixed(2)} MB, ` +
      `${count(size.lines)} lines, ${count(size.tags)} tags (bench/out/bench-${size.blocks}.conf)\n`,
  );
  console.log(textTable(size.table));
  editsPerSize.push(measureEdits(file));
}

const edits = editTable(editsPerSize);
console.log('\nOne edit on the middle block, then the checks brought up to date after it\n');
console.log(textTable(edits.table));
const seconds = (performance.now() - started) / 1000;
console.log(`\n${seconds.toFixed(0)} s in all`);

const markdown = [
  ...sizes.map(
    (size) =>
      `${count(size.blocks)} blocks (${(size.bytes / 1e6).toFixed(2)} MB):\n\n${markdownTable(size.table)}`,
  ),
  `One edit at each size:\n\n${markdownTable(edits.table)}`,
].join('\n\n');
const path = resultsPath(argv);
writeResult(path, 'node', {
  machine: m,
  tiny,
  rounds: ROUNDS,
  clock: wall ? 'wall' : 'cpu',
  garbageCollectedBetweenBatches: gc !== undefined,
  seconds,
  sizes: sizes.map(({ table: _, ...size }) => size),
  edits: edits.results,
  table: markdown,
});
console.log(`written to ${path}`);
