import { diffSequences } from '../../core';

const LINE_BREAK = /(\r\n|\r|\n)/;

/** The lines of `text` with their line breaks, so a line whose ending changed (CRLF to LF) counts as changed. */
function linesOf(text: string): string[] {
  const parts = text.split(LINE_BREAK);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push(parts[i] + (parts[i + 1] ?? ''));
  return lines;
}

/**
 * The 1-based line numbers of `after` that are not in `before`: the lines an admin changed or added since
 * the import. Lines end where the XML view ends them (CRLF, LF or a lone CR), and are compared by the
 * core's line diff, which sets common leading and trailing lines aside first.
 */
export function changedLines(before: string, after: string): number[] {
  if (before === after) return [];
  const changed: number[] = [];
  for (const change of diffSequences(linesOf(before), linesOf(after))) {
    for (let j = change.bStart; j < change.bEnd; j++) changed.push(j + 1);
  }
  return changed;
}
