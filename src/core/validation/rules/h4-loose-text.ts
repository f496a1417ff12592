import type { Block, Diagnostic, Fix } from '../../model/types';
import { readOsXml } from '../../xml/os-xml';
import { diagnostic, type Rule, type RuleContext } from '../rule';

const isBlank = (ch: string) => ch !== '\n' && /\s/.test(ch);

/**
 * Where the `#` is when the line holds only a `#` (and blanks) before `offset`, else -1. Read backwards
 * over those characters only: taking the whole line before every block was quadratic on a one-line file.
 */
function hashBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && isBlank(text[i - 1])) i--;
  if (text[i - 1] !== '#') return -1;
  const hash = i - 1;
  i = hash;
  while (i > 0 && isBlank(text[i - 1])) i--;
  return i === 0 || text[i - 1] === '\n' ? hash : -1;
}

/** `text` with the spans (sorted, not overlapping) blanked out, built in one pass. */
function blanked(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const parts: string[] = [];
  let from = 0;
  for (const { start, end } of spans) {
    parts.push(text.slice(from, start), ' '.repeat(end - start));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Whether `text[from, to)` is blank for `String.prototype.trim`: ASCII blanks are judged here, anything
 * else by `trim` itself. Most gaps between a block's elements are a line break and an indent, and slicing
 * each of them only to trim it cost more than the rest of the rule.
 */
function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue;
    return code > 0x7f && text.slice(i, to).trim() === '';
  }
  return true;
}

/** The first text inside the block that is in no element, comment or `var`, and where it starts. */
function looseText(text: string, block: Block): { value: string; offset: number } | undefined {
  if (block.selfClosing) return undefined;
  const { children } = block;
  // The gaps between the block's elements: before the first, between each two, after the last.
  for (let i = 0; i <= children.length; i++) {
    const from = i === 0 ? block.openEnd : children[i - 1].end;
    const to = i === children.length ? block.closeStart : children[i].start;
    if (blankBetween(text, from, to)) continue;
    const gap = text.slice(from, to);
    const { comments, variables } = readOsXml(gap);
    const plain = blanked(
      gap,
      [...comments, ...variables].sort((a, b) => a.start - b.start),
    );
    const at = plain.search(/\S/);
    if (at !== -1)
      return {
        value: plain
          .slice(at)
          .trim()
          .split(/\s{2,}|\n/)[0],
        offset: from + at,
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
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    const { text } = ctx.doc;
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      const hash = hashBefore(text, block.start);
      if (hash !== -1) {
        found.push(
          diagnostic(ctx, 'H4', {
            severity: 'warning',
            message: `'#' does not comment out XML: this <${block.kind}> is read and used. Wrap it in <!-- --> to switch it off.`,
            block,
            fix: wrapFix(ctx, hash, block.end, 'Comment out this block'),
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
