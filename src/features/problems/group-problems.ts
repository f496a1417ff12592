import { severityRank } from '../../components/severity';
import type { Diagnostic } from '../../core';

export interface ProblemGroup {
  /** The block the problems belong to, or null for the document as a whole. */
  blockIndex: number | null;
  diagnostics: Diagnostic[];
}

/**
 * Groups by block, worst first: groups with an error come before groups with only warnings, and so on;
 * among equals, document order (document-wide problems first). Inside a group, worst first.
 */
export function groupProblems(diagnostics: readonly Diagnostic[]): ProblemGroup[] {
  const groups = new Map<number | null, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const key = diagnostic.blockIndex ?? null;
    const group = groups.get(key);
    if (group) group.push(diagnostic);
    else groups.set(key, [diagnostic]);
  }
  const worst = (list: Diagnostic[]) => Math.min(...list.map((d) => severityRank[d.severity]));
  return [...groups.entries()]
    .sort(([a, listA], [b, listB]) => worst(listA) - worst(listB) || (a ?? -1) - (b ?? -1))
    .map(([blockIndex, list]) => ({
      blockIndex,
      diagnostics: list.toSorted(
        (a, b) => severityRank[a.severity] - severityRank[b.severity] || a.offset - b.offset,
      ),
    }));
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Diagnostic['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
