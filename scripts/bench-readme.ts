/**
 * `npm run bench:readme`: writes the last figures of `npm run bench` and `npm run bench:browser`
 * (bench/results/latest.json) into the README's Benchmarks section, between its two marker comments,
 * with the machine each ran on. Flags: `--results <file>`, `--readme <file>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RESULTS, describeMachine, type Machine } from '../bench/results';
import { markdownTable } from '../bench/table';

const START = '<!-- benchmarks:start — written by npm run bench:readme from bench/results/latest.json -->';
const END = '<!-- benchmarks:end -->';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(name);
  return at === -1 || !argv[at + 1] ? fallback : argv[at + 1];
};
const resultsFile = option('--results', DEFAULT_RESULTS);
const readmeFile = option('--readme', fileURLToPath(new URL('../README.md', import.meta.url)));

interface Result {
  machine: Machine;
  tiny: boolean;
  table: string;
  /** The core's clock (`npm run bench`); the page is always timed in wall-clock time. */
  clock?: 'cpu' | 'wall';
}

/** The tables laid out afresh (as the formatter wants them), whatever layout the results were written with. */
function laidOut(markdown: string): string {
  const out: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    // Row 1 is the rule under the header, which markdownTable draws again.
    if (table.length) out.push(markdownTable(table.filter((_, i) => i !== 1)));
    table = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      table.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((cell) => cell.trim().replaceAll('\\|', '|')),
      );
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out.join('\n');
}

const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { node?: Result; browser?: Result };
const part = (title: string, command: string, result: Result | undefined) =>
  result
    ? `### ${title} (\`${command}\`${result.tiny ? ', tiny run' : ''})\n\n${describeMachine(result.machine)}; ${result.clock === 'cpu' ? 'CPU time' : 'wall-clock time'}.\n\n${laidOut(result.table)}`
    : `### ${title}\n\nNot run yet: \`${command}\`.`;
const section = [
  START,
  part('The core', 'npm run bench', results.node),
  part('The page', 'npm run bench:browser', results.browser),
  END,
].join('\n\n');

const readme = readFileSync(readmeFile, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from === -1 || to < from) {
  console.error(`${readmeFile} has no Benchmarks markers (${START} … ${END})`);
  process.exit(1);
}
writeFileSync(readmeFile, readme.slice(0, from) + section + readme.slice(to + END.length));
console.log(`${readmeFile}: Benchmarks section written from ${resultsFile}`);
