/**
 * `npm run fuzz`: the one-click fixes on 100,000 generated documents (FUZZ_RUNS to change the number,
 * FUZZ_SEED to replay a run), each fix checked as src/core/test-support/fix-soundness.ts says. Prints the
 * documents, fixes and fixes per rule it tried; on a failure, the shrunk counterexample and the seed to
 * replay it, with exit status 1.
 */

import fc from 'fast-check';
import { emptyStats, fixSoundness } from '../src/core/test-support/fix-soundness';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const stats = emptyStats();
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);

console.log(`Fuzzing the one-click fixes on ${runs.toLocaleString('en-US')} documents (FUZZ_SEED=${seed})`);
const progress = setInterval(() => {
  console.log(
    `  ${stats.documents.toLocaleString('en-US')} documents, ${stats.fixes.toLocaleString('en-US')} fixes, ${seconds()} s`,
  );
}, 30_000);
const details = fc.check(fixSoundness(stats), { numRuns: runs, seed });
clearInterval(progress);

if (details.failed) {
  const [generated, target, role] = details.counterexample ?? [];
  console.error(`\nUnsound after ${details.numRuns} documents (shrunk ${details.numShrinks} times):`);
  console.error(`  target ${target?.id}, role ${role}, ${generated?.encoding}`);
  console.error(`  document ${JSON.stringify(generated?.text)}`);
  console.error(
    `  ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
  );
  console.error(`\nReplay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`);
  process.exit(1);
}
console.log(
  `\nAll sound: ${runs.toLocaleString('en-US')} documents, ${stats.fixes.toLocaleString('en-US')} fixes applied and checked, ${seconds()} s.`,
);
console.log('Fixes per rule:');
for (const [code, n] of [...stats.byCode].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${code.padEnd(4)} ${n.toLocaleString('en-US').padStart(9)}`);
}
