import type { Block, Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * `text` without its `<!-- … -->` comments, in one pass: a lazy regular expression restarts its search for
 * `-->` at every `<!--` and takes quadratic time on many comments that no `-->` closes.
 */
function withoutComments(text: string): string {
  let kept = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    const close = open === -1 ? -1 : text.indexOf('-->', open + 4);
    // No `-->` after this `<!--` means none after any later one either.
    if (close === -1) return kept + text.slice(from);
    kept += text.slice(from, open);
    from = close + 3;
  }
}

const isBlank = (ch: string) => ch !== '\n' && /\s/.test(ch);

/** Whether the line holds only a `#` (and blanks) before `offset`; read backwards over those only. */
function hashBefore(text: string, offset: number): boolean {
  let i = offset;
  while (i > 0 && isBlank(text[i - 1])) i--;
  if (text[i - 1] !== '#') return false;
  i--;
  while (i > 0 && isBlank(text[i - 1])) i--;
  return i === 0 || text[i - 1] === '\n';
}

/** The text inside the block that is in no element, with comments removed; where it starts. */
function looseText(text: string, block: Block): { value: string; offset: number } | undefined {
  if (block.selfClosing) return undefined;
  const edges = [block.openEnd, ...block.children.flatMap((c) => [c.start, c.end]), block.closeStart];
  for (let i = 0; i < edges.length; i += 2) {
    const gap = text.slice(edges[i], edges[i + 1]);
    const value = withoutComments(gap).trim();
    if (value !== '') return { value, offset: edges[i] + gap.indexOf(value[0]) };
  }
  return undefined;
}

/**
 * H4: text the daemon reads as nothing. `#` is not an XML comment, so a block "commented out" with `#`
 * at the start of its lines is live (a real mistake in the corpus); loose text inside a block, such as a
 * trailing `# note`, is ignored (reference §13 dialect).
 */
export const h4LooseText: Rule = {
  code: 'H4',
  check(ctx: RuleContext): Diagnostic[] {
    const { text } = ctx.doc;
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (hashBefore(text, block.start)) {
        found.push(
          diagnostic(ctx, 'H4', {
            severity: 'warning',
            message: `'#' does not comment out XML: this <${block.kind}> is read and used. Wrap it in <!-- --> to switch it off.`,
            block,
          }),
        );
        continue;
      }
      const loose = looseText(text, block);
      if (!loose) continue;
      const shown = loose.value.length > 40 ? `${loose.value.slice(0, 40)}…` : loose.value;
      found.push(
        diagnostic(ctx, 'H4', {
          severity: 'info',
          message: `The text '${shown}' is outside any element: the daemon ignores it. Use <!-- --> for a comment.`,
          offset: loose.offset,
        }),
      );
    }
    return found;
  },
};
