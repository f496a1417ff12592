import { diffLines } from '../../core';

/**
 * The 1-based line numbers of `after` that are not in `before`: the lines an admin changed or added since
 * the import, as the core's line diff finds them (a line whose ending changed counts). The XML view numbers
 * lines as CodeMirror does, where a lone CR also ends a line, so such a line covers several numbers.
 */
export function changedLines(before: string, after: string): number[] {
  if (before === after) return [];
  const { b, changes } = diffLines(before, after);
  const changed: number[] = [];
  if (!/\r(?!\n)/.test(after)) {
    for (const change of changes) for (let j = change.bStart; j < change.bEnd; j++) changed.push(j + 1);
    return changed;
  }
  const first = new Array<number>(b.length);
  let number = 1;
  b.forEach((line, j) => {
    first[j] = number;
    number += 1 + (line.match(/\r(?!\n)/g)?.length ?? 0);
  });
  for (const change of changes) {
    for (let j = change.bStart; j < change.bEnd; j++) {
      const last = j + 1 < b.length ? first[j + 1] : number;
      for (let n = first[j]; n < last; n++) changed.push(n);
    }
  }
  return changed;
}
