/**
 * `npm run bench`: how long the core takes on a 10,000-block ossec.conf, each figure printed beside
 * xml-js `xml2js` reading the same text in the same process, so the ratio means something on any
 * machine. Figures only: nothing here passes or fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { xml2js } from 'xml-js';
import {
  arConfLines,
  DEFAULT_TARGET,
  deriveResponses,
  diffBlocks,
  diffLines,
  encodeText,
  formatPatch,
  parseTarget,
  readDocument,
  setField,
  validate,
} from '../src/core';
import { generateConfig } from './generate';

const BLOCKS = 10_000;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function sample(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

interface Comparison {
  ours: number;
  reference: number;
}

/**
 * Median wall times in milliseconds of `fn` and of the reference, measured in alternating rounds (one
 * reference run, then `perRound` runs of `fn`) so that a change in machine load hits both alike.
 * Warm-up runs first let the JIT settle.
 */
function compare(fn: () => unknown, reference: () => unknown, perRound: number, rounds = 7): Comparison {
  for (let i = 0; i < Math.max(3, perRound); i++) fn();
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    theirs.push(sample(reference));
    for (let i = 0; i < perRound; i++) ours.push(sample(fn));
  }
  return { ours: median(ours), reference: median(theirs) };
}

function ms(value: number): string {
  if (value < 0.1) return `${(value * 1000).toFixed(1)} µs`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(1)} ms`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

const text = generateConfig(BLOCKS);
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
const file = new URL('./out/bench-10000.conf', import.meta.url);
writeFileSync(file, text);

const doc = readDocument(text, 'utf-8');
const middle = Math.floor(doc.blocks.length / 2);
const middleBlock = doc.blocks[middle];
const field = middleBlock.kind === 'command' ? 'executable' : 'location';

// A draft three field edits away from the file: what the diff view and the patch export compare.
const edited = [Math.floor(doc.blocks.length / 10), middle, Math.floor((doc.blocks.length * 9) / 10)].reduce(
  (draft, index) =>
    setField(draft, index, draft.blocks[index].kind === 'command' ? 'executable' : 'location', 'edited'),
  doc,
);

const target = parseTarget(DEFAULT_TARGET);
const xmlJs = () => xml2js(text, { compact: false, captureSpacesBetweenElements: true });
for (let i = 0; i < 2; i++) xmlJs();

const steps: Array<[string, Comparison]> = [
  ['read (readDocument)', compare(() => readDocument(text, 'utf-8'), xmlJs, 3)],
  ['export (encodeText)', compare(() => encodeText(doc.text, doc.encoding), xmlJs, 3)],
  [
    `edit one field (setField ${field}, block ${middle})`,
    compare(() => setField(doc, middle, field, 'edited'), xmlJs, 15),
  ],
  [`validate (${target.id}, manager)`, compare(() => validate(doc, { target, role: 'manager' }), xmlJs, 1)],
  [`ar.conf lines (arConfLines, ${target.id})`, compare(() => arConfLines(doc, target), xmlJs, 1)],
  [
    `response summaries (deriveResponses, ${target.id})`,
    compare(() => deriveResponses(doc, target), xmlJs, 1),
  ],
  [
    'diff after three edits (diffLines, diffBlocks)',
    compare(() => diffBlocks(doc, edited, diffLines(text, edited.text)), xmlJs, 3),
  ],
  [
    'unified patch after three edits (formatPatch)',
    compare(() => formatPatch(diffLines(text, edited.text), 'ossec.conf'), xmlJs, 3),
  ],
];

const rows = [['step', 'AR Studio', 'xml2js', 'xml2js / AR Studio']];
for (const [name, { ours, reference }] of steps) {
  rows.push([name, ms(ours), ms(reference), `${(reference / ours).toFixed(1)}×`]);
}

console.log(`AR Studio benchmark, Node ${process.version}`);
console.log(
  `input: ${BLOCKS.toLocaleString('en')} blocks requested, ${doc.blocks.length.toLocaleString('en')} read, ` +
    `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${text.split('\n').length.toLocaleString('en')} lines ` +
    `(written to bench/out/bench-10000.conf)`,
);
console.log(
  'each figure is a median after warm-up; xml2js reads the same text in rounds alternating with each step\n',
);
console.log(table(rows));
