const CHUNK = 1024;

/**
 * The smallest single change that turns `before` into `after`, so the cursor and scroll stay put. Runs of
 * equal text are skipped a chunk at a time (a native comparison) before going character by character,
 * since this runs on every keystroke and the text may be megabytes long.
 */
export function minimalChange(before: string, after: string): { from: number; to: number; insert: string } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (
    start + CHUNK <= shorter &&
    before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)
  ) {
    start += CHUNK;
  }
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore - CHUNK >= start &&
    endAfter - CHUNK >= start &&
    before.slice(endBefore - CHUNK, endBefore) === after.slice(endAfter - CHUNK, endAfter)
  ) {
    endBefore -= CHUNK;
    endAfter -= CHUNK;
  }
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}
