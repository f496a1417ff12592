import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * C4: OSSEC and Wazuh up to 4.1 read `<expect>` by substring (`user`, `srcip`, `filename`, case-insensitive,
 * only when the text has 4 characters or more) and silently ignore anything else, so a misspelt field
 * (`scrip`) makes the response fire without the gating the admin asked for (reference §5.5).
 */
export const c4ExpectToken: Rule = {
  code: 'C4',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager' || ctx.target.expect === 'ignored') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      const child = lastField(block, 'expect');
      if (!child) continue;
      const tokens = child.value.split(/[\s,]+/).filter(Boolean);
      const short = child.value.length < 4 && tokens.length > 0;
      const unknown = tokens.filter((t) => short || !/user|srcip|filename/i.test(t));
      if (unknown.length === 0) continue;
      found.push(
        diagnostic(ctx, 'C4', {
          severity: 'warning',
          message: `<expect> ${unknown.map((t) => `'${t}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a field the daemon knows (srcip, user, filename): silently ignored, so the response fires without it.`,
          block,
          child,
        }),
      );
    }
    return found;
  },
};
