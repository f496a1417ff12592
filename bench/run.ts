/**
 * `npm run bench`: how long the core takes on a 10,000-block ossec.conf, each figure printed beside
 * xml-js `xml2js` reading the same text in the same process, so the ratio means something on any
 * machine. Figures only: nothing here passes or fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { xml2js } from 'xml-js';
import { encodeText, readDocument, setField } from '../src/core';
import { arConfLines } from '../src/core/derive/ar-conf';
import { deriveResponses } from '../src/core/derive/responses';
import { DEFAULT_TARGET, parseTarget } from '../src/core/targets/target';
import { validate } from '../src/core/validation/validate';
import { generateConfig } from './generate';

const BLOCKS = 10_000;

interface Timing {
  median: number;
  runs: number;
}

/** Median wall time of `fn` in milliseconds, after warm-up runs that let the JIT settle. */
function time(fn: () => unknown, warmup: number, runs: number): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const middle = Math.floor(samples.length / 2);
  const median = samples.length % 2 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
  return { median, runs };
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

const target = parseTarget(DEFAULT_TARGET);
const reference = time(() => xml2js(text, { compact: false, captureSpacesBetweenElements: true }), 2, 5);
const steps: Array<[string, Timing]> = [
  ['read (readDocument)', time(() => readDocument(text, 'utf-8'), 3, 9)],
  ['export (encodeText)', time(() => encodeText(doc.text, doc.encoding), 3, 9)],
  [
    `edit one field (setField ${field}, block ${middle})`,
    time(() => setField(doc, middle, field, 'edited'), 20, 101),
  ],
  [`validate (${target.id}, manager)`, time(() => validate(doc, { target, role: 'manager' }), 3, 9)],
  [`ar.conf lines (arConfLines, ${target.id})`, time(() => arConfLines(doc, target), 3, 9)],
  [`response summaries (deriveResponses, ${target.id})`, time(() => deriveResponses(doc, target), 3, 9)],
];

const rows = [['step', 'AR Studio', 'xml2js', 'xml2js / AR Studio']];
for (const [name, timing] of steps) {
  rows.push([
    name,
    ms(timing.median),
    ms(reference.median),
    `${(reference.median / timing.median).toFixed(1)}×`,
  ]);
}

console.log(`AR Studio benchmark, Node ${process.version}`);
console.log(
  `input: ${BLOCKS.toLocaleString('en')} blocks requested, ${doc.blocks.length.toLocaleString('en')} read, ` +
    `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${text.split('\n').length.toLocaleString('en')} lines ` +
    `(written to bench/out/bench-10000.conf)`,
);
console.log(
  'each figure is the median of several runs after warm-up; xml2js reads the same text in this run\n',
);
console.log(table(rows));
