import type { Diagnostic } from '../../model/types';
import { readWhiteList } from '../../simulate/white-list';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * G2: a `<global>` white-list entry the manager accepts but reads otherwise than it looks (reference
 * §5.9b): one that covers every source IP (an empty pattern, a `/0` range, OSSEC's `10.0.0.0/`), an IPv6
 * entry compared as text, or a `!` the version reverses the rest of the list with, or drops.
 */
export const g2WhiteListSurprise: Rule = {
  code: 'G2',
  scope: 'document',
  outsideBlocks: true,
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager' || ctx.doc.shape !== 'config') return [];
    return readWhiteList(ctx.doc, ctx.target)
      .entries.filter((entry) => entry.caveat !== undefined)
      .map((entry) =>
        diagnostic(ctx, 'G2', {
          severity: 'warning',
          message: `<${entry.element}>${entry.value}</${entry.element}>: ${entry.caveat}`,
          offset: entry.offset,
          endOffset: entry.endOffset,
        }),
      );
  },
};
