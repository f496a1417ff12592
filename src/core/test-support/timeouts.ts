/**
 * Time limits for the tests that do real work (property runs, whole-corpus passes, spawning the CLI).
 * `npm test` must pass on a 2-core machine that is busy with something else, where such a test can take
 * many times what it takes on an idle one; a limit only stops a test that hangs.
 */
export const PROPERTY_TEST_TIMEOUT = 120_000;
export const HEAVY_TEST_TIMEOUT = 60_000;
/** Running a benchmark script on its tiny input, the browser one with a production build (bench/bench-scripts.test.ts). */
export const BENCH_SCRIPT_TEST_TIMEOUT = 240_000;
