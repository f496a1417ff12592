const LINE_BREAK = /(\r\n|\r|\n)/;

/** The lines of `text` with their line breaks, so a line whose ending changed (CRLF to LF) counts as changed. */
function linesOf(text: string): string[] {
  const parts = text.split(LINE_BREAK);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push(parts[i] + (parts[i + 1] ?? ''));
  return lines;
}
/** Above this many cells the line-by-line comparison would stall typing; the whole changed span is marked instead. */
const MAX_CELLS = 4_000_000;

/**
 * The 1-based line numbers of `after` that are not in `before`: the lines an admin changed or added since
 * the import. Common leading and trailing lines are skipped first, so a typical edit compares a handful of
 * lines; what remains is matched by longest common subsequence.
 */
export function changedLines(before: string, after: string): number[] {
  if (before === after) return [];
  const a = linesOf(before);
  const b = linesOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const rows = endA - start;
  const cols = endB - start;
  const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i + 1);
  if (rows === 0 || cols === 0 || rows * cols > MAX_CELLS) return span(start, endB);

  // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
  const width = cols + 1;
  const lcs = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[start + i] === b[start + j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const changed: number[] = [];
  let i = 0;
  let j = 0;
  while (j < cols) {
    if (i < rows && a[start + i] === b[start + j]) {
      i++;
      j++;
    } else if (i < rows && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      i++;
    } else {
      changed.push(start + j + 1);
      j++;
    }
  }
  return changed;
}
