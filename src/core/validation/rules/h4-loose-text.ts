import type { Block, Diagnostic, Fix } from '../../model/types';
import { readOsXml } from '../../xml/os-xml';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** The first text inside the block that is in no element, comment or `var`, and where it starts. */
function looseText(text: string, block: Block): { value: string; offset: number } | undefined {
  if (block.selfClosing) return undefined;
  const edges = [block.openEnd, ...block.children.flatMap((c) => [c.start, c.end]), block.closeStart];
  for (let i = 0; i < edges.length; i += 2) {
    const gap = text.slice(edges[i], edges[i + 1]);
    if (gap.trim() === '') continue;
    const { comments, variables } = readOsXml(gap);
    let plain = gap;
    for (const span of [...comments, ...variables].sort((a, b) => b.start - a.start)) {
      plain = plain.slice(0, span.start) + ' '.repeat(span.end - span.start) + plain.slice(span.end);
    }
    const at = plain.search(/\S/);
    if (at !== -1)
      return {
        value: plain
          .slice(at)
          .trim()
          .split(/\s{2,}|\n/)[0],
        offset: edges[i] + at,
      };
  }
  return undefined;
}

/** The end of the line `offset` is on, before its line break. */
function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  const end = next === -1 ? text.length : next;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/**
 * `<!-- text -->`, safe for the daemon's reader and for XML: a comment ends at the first `-->` or `!>`
 * (OS_XML), and XML allows no `--` inside one, so each dash before another gets a space.
 */
export function commentOut(text: string): string {
  return `<!-- ${text.replace(/-(?=-)/g, '- ').replace(/!>/g, '! >')} -->`;
}

function wrapFix(ctx: RuleContext, start: number, end: number, title: string): Fix {
  const text = ctx.doc.text.slice(start, end).trimEnd();
  return {
    title,
    ops: [{ op: 'replaceText', start, end: start + text.length, text: commentOut(text) }],
  };
}

/**
 * H4: text the daemon reads as nothing. `#` is not an XML comment, so a block "commented out" with `#`
 * at the start of its lines is live (a real mistake in the corpus), and so is an element after `#` on a
 * line inside a block; other loose text inside a block, such as a trailing `# note`, is ignored
 * (reference §13 dialect). A `#` line gets the fix the admin meant: the same text inside `<!-- -->`.
 */
export const h4LooseText: Rule = {
  code: 'H4',
  check(ctx: RuleContext): Diagnostic[] {
    const { text } = ctx.doc;
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      const lineStart = text.lastIndexOf('\n', block.start - 1) + 1;
      const before = text.slice(lineStart, block.start);
      if (/^\s*#\s*$/.test(before)) {
        found.push(
          diagnostic(ctx, 'H4', {
            severity: 'warning',
            message: `'#' does not comment out XML: this <${block.kind}> is read and used. Wrap it in <!-- --> to switch it off.`,
            block,
            fix: wrapFix(ctx, lineStart + before.indexOf('#'), block.end, 'Comment out this block'),
          }),
        );
        continue;
      }
      const loose = looseText(text, block);
      if (!loose) continue;
      const shown = loose.value.length > 40 ? `${loose.value.slice(0, 40)}…` : loose.value;
      if (!loose.value.startsWith('#')) {
        found.push(
          diagnostic(ctx, 'H4', {
            severity: 'info',
            message: `The text '${shown}' is outside any element: the daemon ignores it. Use <!-- --> for a comment.`,
            block,
            offset: loose.offset,
            endOffset: loose.offset + loose.value.length,
          }),
        );
        continue;
      }
      // Elements after the `#` on its line are read all the same; the comment must take them in, and
      // stop before whatever follows on the line that it was not meant for (the block's closing tag).
      const first = lineEnd(text, loose.offset);
      const live = block.children.filter((c) => c.start > loose.offset && c.start < first);
      const from = live.length > 0 ? Math.max(...live.map((c) => c.end)) : loose.offset;
      const next = block.children.find((c) => c.start >= from)?.start ?? block.closeStart;
      const end = Math.min(lineEnd(text, from), next);
      found.push(
        diagnostic(ctx, 'H4', {
          ...(live.length > 0
            ? {
                severity: 'warning' as const,
                message: `'#' does not comment out XML: ${live.map((c) => `<${c.name}>`).join(', ')} on this line ${live.length === 1 ? 'is' : 'are'} read and used. Wrap the line in <!-- --> to switch ${live.length === 1 ? 'it' : 'them'} off.`,
              }
            : {
                severity: 'info' as const,
                message: `The text '${shown}' is outside any element: the daemon ignores it, but '#' is not an XML comment. Use <!-- --> for a comment.`,
              }),
          block,
          offset: loose.offset,
          endOffset: end,
          fix: wrapFix(ctx, loose.offset, end, 'Wrap it in <!-- -->'),
        }),
      );
    }
    return found;
  },
};
