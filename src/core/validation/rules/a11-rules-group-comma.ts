import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A11: `rules_group` is an OS_Regex searched in the rule's group string, and alternatives are written
 * with `|`. A comma is a literal comma, so `a,b` only matches a rule whose groups read "a,b" in that order
 * (reference §5.3): in practice it matches almost nothing.
 */
export const a11RulesGroupComma: Rule = {
  code: 'A11',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const child = lastField(r.block, 'rules_group');
      if (!r.checked || !child?.value.includes(',') || child.value.includes('|')) continue;
      const alternatives = child.value
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean);
      const value = alternatives.join('|');
      found.push(
        diagnostic(ctx, 'A11', {
          severity: 'warning',
          message: `A comma in <rules_group> is not "or": '${child.value}' only matches groups written in exactly that sequence. Separate the groups with |.`,
          block: r.block,
          child,
          fix:
            alternatives.length > 0
              ? {
                  title: `Use ${value}`,
                  ops: [{ op: 'setField', blockIndex: r.block.index, field: 'rules_group', value }],
                }
              : undefined,
        }),
      );
    }
    return found;
  },
};
