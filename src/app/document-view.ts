import {
  type AgentGroup,
  type Block,
  blockTitle,
  type ConfigDocument,
  type Diagnostic,
  fieldValue,
  positionAt,
  type ResponseSummary,
  type Severity,
} from '../core';
import type { BlockListItem } from '../features/block-list/block-list';

/** One line under a block's name: what a command runs, or where and when a response fires. */
function detailOf(block: Block, group?: AgentGroup): string {
  if (block.kind === 'command') return fieldValue(block, 'executable') ?? 'no executable';
  const parts: string[] = [];
  const location = fieldValue(block, 'location');
  parts.push(group ? group.agents.join(', ') : (location ?? 'no location'));
  const level = fieldValue(block, 'level');
  if (level !== undefined) parts.push(`level ≥ ${level}`);
  const ids = fieldValue(block, 'rules_id');
  if (ids !== undefined) parts.push(`rules ${ids}`);
  const groups = fieldValue(block, 'rules_group');
  if (groups !== undefined) parts.push(`groups ${groups}`);
  if (fieldValue(block, 'disabled') === 'yes') parts.unshift('disabled');
  return parts.join(' · ');
}

export function blockListItems(
  doc: ConfigDocument,
  diagnostics: readonly Diagnostic[],
  responses: readonly ResponseSummary[],
  groups: readonly AgentGroup[] = [],
): BlockListItem[] {
  // A group's row counts the problems of every member under its first one.
  const head = new Map<number, AgentGroup>(groups.map((g) => [g.members[0], g]));
  const memberOf = new Map<number, number>(
    groups.flatMap((g) => g.members.slice(1).map((m) => [m, g.members[0]])),
  );
  const counts = new Map<number, Record<Severity, number>>();
  for (const d of diagnostics) {
    if (d.blockIndex === undefined) continue;
    const row = memberOf.get(d.blockIndex) ?? d.blockIndex;
    const c = counts.get(row) ?? { error: 0, warning: 0, info: 0 };
    c[d.severity]++;
    counts.set(row, c);
  }
  const byBlock = new Map(responses.map((r) => [r.blockIndex, r]));
  return doc.blocks.map((block) => {
    const response = byBlock.get(block.index);
    const group = head.get(block.index);
    return {
      index: block.index,
      kind: block.kind,
      title: blockTitle(block),
      detail: detailOf(block, group),
      mode:
        block.kind === 'command' || !response
          ? null
          : response.outcome === 'disabled'
            ? 'disabled'
            : response.stateful
              ? 'stateful'
              : 'stateless',
      ignored: !block.inConfigRoot,
      problems: counts.get(block.index) ?? { error: 0, warning: 0, info: 0 },
      ...(group ? { group: { agents: group.agents, members: group.members } } : {}),
      ...(memberOf.has(block.index) ? { memberOf: memberOf.get(block.index) } : {}),
    };
  });
}

/** Command names in document order, once each, for the response form's command field. */
export function definedCommands(doc: ConfigDocument): string[] {
  const names = new Set<string>();
  for (const block of doc.blocks) {
    if (block.kind !== 'command') continue;
    const name = fieldValue(block, 'name');
    if (name) names.add(name);
  }
  return [...names];
}

/** A name no command in the document has yet: `new-command`, `new-command-2`, … */
export function freshCommandName(doc: ConfigDocument): string {
  const taken = new Set(definedCommands(doc));
  let name = 'new-command';
  for (let n = 2; taken.has(name); n++) name = `new-command-${n}`;
  return name;
}

/**
 * The line of an offset, remembered for the offset asked last: while the text before it stays the same
 * (typing in the block the form shows), the answer does not need the whole text counted again.
 */
export function createLineOf(): (text: string, offset: number) => number {
  let last: { text: string; offset: number; line: number } | null = null;
  return (text, offset) => {
    // One character past the offset too: a line break there decides where a CR before it ends its line.
    const known =
      last !== null &&
      last.offset === offset &&
      (last.text === text ||
        (text.length > offset && last.text.slice(0, offset + 1) === text.slice(0, offset + 1)));
    if (!known || last === null) {
      last = { text, offset, line: positionAt(text, offset).line };
    } else {
      last.text = text;
    }
    return last.line;
  };
}
