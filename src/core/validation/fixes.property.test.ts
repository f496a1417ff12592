import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyStats, fixSoundness } from '../test-support/fix-soundness';
import { HEAVY_TEST_TIMEOUT, PROPERTY_TEST_TIMEOUT } from '../test-support/timeouts';

/**
 * A fixed slice of `npm run fuzz`: the same property (src/core/test-support/fix-soundness.ts) on a few
 * hundred documents, always the same ones, so a failure here reproduces.
 */
describe('one-click fixes', () => {
  it('remove their diagnostic, add no error, change nothing outside their blocks and round-trip', {
    timeout: PROPERTY_TEST_TIMEOUT,
  }, () => {
    const stats = emptyStats();
    fc.assert(fixSoundness(stats), { numRuns: 400, seed: 20_261_130 });
    expect(stats.documents).toBeGreaterThanOrEqual(400);
    // The slice reaches most rules that offer fixes.
    expect(stats.byCode.size).toBeGreaterThanOrEqual(10);
  });

  it('npm run fuzz runs and reports its figures', { timeout: HEAVY_TEST_TIMEOUT }, () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz.ts'], {
      cwd: root,
      env: { ...process.env, FUZZ_RUNS: '30', FUZZ_SEED: '7' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Fuzzing the one-click fixes on 30 documents \(FUZZ_SEED=7\)/);
    expect(run.stdout).toMatch(/All sound: 30 documents, [\d,]+ fixes applied and checked/);
  });
});
