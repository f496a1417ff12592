/**
 * `<command>` definitions put inside another element (reference §1.9: only a `<command>` directly inside
 * `<ossec_config>` defines one). What the rules share about them: which ones the daemon would meet, the
 * groups by the element they sit in, and the one-click move that makes them top-level commands with the
 * text the admin wrote.
 */

import { wholeLine } from '../model/edit';
import { fieldValue } from '../model/fields';
import { indentBefore } from '../model/read';
import type { ConfigDocument, DocumentOp, Fix, NestedDefinition, XmlElement } from '../model/types';
import { positionAt } from '../xml/positions';
import type { RuleContext } from './rule';

/** The definitions put in one element, in document order. */
export interface NestedGroup {
  container: XmlElement;
  /** The block the container is, when it is a `<command>` or `<active-response>`. */
  blockIndex?: number;
  definitions: NestedDefinition[];
  /** Their names, in order, each once. */
  names: string[];
}

/** Definitions where the daemon would meet them: under `<ossec_config>`, or anywhere in a fragment. */
export function nestedGroups(ctx: RuleContext): NestedGroup[] {
  const { doc } = ctx;
  const groups = new Map<number, NestedGroup>();
  for (const definition of doc.nested) {
    if (doc.shape !== 'fragment' && definition.ancestors[0] !== 'ossec_config') continue;
    const { container } = definition;
    let group = groups.get(container.start);
    if (!group) {
      group = { container, blockIndex: definition.blockIndex, definitions: [], names: [] };
      groups.set(container.start, group);
    }
    group.definitions.push(definition);
    const name = fieldValue(definition, 'name');
    if (name !== undefined && !group.names.includes(name)) group.names.push(name);
  }
  return [...groups.values()];
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`. */
export function quotedList(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** The element directly in a root (or at the top of a fragment) that holds `offset`. */
function blockLevelElement(doc: ConfigDocument, offset: number): XmlElement | undefined {
  for (const top of doc.topLevel) {
    if (offset < top.start || offset >= top.end) continue;
    if (doc.shape === 'fragment') return top;
    return top.children.find((section) => offset >= section.start && offset < section.end);
  }
  return undefined;
}

/** `text` with every line after the first moved from `from` indentation to `to`. */
function reindent(text: string, from: string, to: string, eol: string): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => (i > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join(eol);
}

/**
 * Moves an element's text (with its line) to just before `to`, re-indented to what stands there. The ops
 * run from the end of the text to its start, so each offset still holds when its turn comes.
 */
export function moveTextOps(
  doc: ConfigDocument,
  element: { start: number; end: number },
  to: number,
): DocumentOp[] {
  const { text } = doc;
  const { eol } = doc.layout;
  const indent = indentBefore(text, to) ?? doc.layout.blockIndent;
  const own = indentBefore(text, element.start) ?? '';
  const moved = reindent(text.slice(element.start, element.end), own, indent, eol);
  const line = wholeLine(text, element.start, element.end) ?? element;
  const remove: DocumentOp = { op: 'replaceText', start: line.start, end: line.end, text: '' };
  const insert: DocumentOp = { op: 'replaceText', start: to, end: to, text: moved + eol + indent };
  return line.start > to ? [remove, insert] : [insert, remove];
}

/**
 * Moves every definition of the group out as a top-level `<command>`, carrying its own text: in place of
 * the element it sat in when that held nothing else, else just above it, and in any case above the
 * first response that uses one of them. Operations run from the end of the text to its start, so each
 * offset still holds when its turn comes.
 */
export function moveOutFix(ctx: RuleContext, group: NestedGroup): Fix | undefined {
  const { doc } = ctx;
  const { text } = doc;
  const { eol } = doc.layout;
  const { container, definitions } = group;
  const outer = blockLevelElement(doc, container.start);
  if (!outer) return undefined;
  const firstUser = ctx.model.responses.find(
    (r) => r.command !== undefined && group.names.includes(r.command) && r.block.start < outer.start,
  )?.block;
  const at = firstUser?.start ?? outer.start;
  const indent = indentBefore(text, at) ?? doc.layout.blockIndent;
  const ownIndent = (d: NestedDefinition) =>
    indentBefore(text, d.start) ?? (indentBefore(text, container.start) ?? '') + doc.layout.indentUnit;

  const holdsOnlyDefinitions = container === outer && container.childCount === definitions.length;
  const ops: DocumentOp[] = [];
  if (holdsOnlyDefinitions && !firstUser) {
    // Whatever sits between the definitions (comments, blank lines) moves with them.
    const inner = text.slice(container.openEnd, container.closeStart);
    const from = container.openEnd + inner.length - inner.trimStart().length;
    const to = container.closeStart - (inner.length - inner.trimEnd().length);
    const moved = reindent(text.slice(from, to), ownIndent(definitions[0]), indent, eol);
    ops.push({ op: 'replaceText', start: container.start, end: container.end, text: moved });
  } else {
    const removed = holdsOnlyDefinitions ? [container] : [...definitions];
    for (const element of removed.reverse()) {
      const line = wholeLine(text, element.start, element.end) ?? element;
      ops.push({ op: 'replaceText', start: line.start, end: line.end, text: '' });
    }
    const moved = definitions
      .map((d) => reindent(text.slice(d.start, d.end), ownIndent(d), indent, eol))
      .join(eol + indent);
    ops.push({ op: 'replaceText', start: at, end: at, text: moved + eol + indent });
  }
  const count = definitions.length;
  const what =
    count === 1 ? `the command definition ${quotedList(group.names)}` : `the ${count} command definitions`;
  const line = positionAt(text, container.start).line;
  return { title: `Move ${what} out of the <${container.name}> on line ${line}`, ops };
}
