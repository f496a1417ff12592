import { atoi } from '../../derive/c-atoi';
import { fieldValue } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A10: a response with no level above 0, no rules_id and no rules_group is attached to no rule, so it
 * never fires; no daemon says so (reference §5.2, §11.11).
 */
export const a10NoTrigger: Rule = {
  code: 'A10',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      if (!r.checked || r.missing) continue;
      const level = atoi(fieldValue(r.block, 'level') ?? '');
      const ids = (fieldValue(r.block, 'rules_id') ?? '').trim();
      const group = fieldValue(r.block, 'rules_group') ?? '';
      if (level > 0 || ids !== '' || group !== '') continue;
      found.push(
        diagnostic(ctx, 'A10', {
          severity: 'warning',
          message:
            'This response has no <level>, <rules_id> or <rules_group>, so it is attached to no rule and never fires.',
          block: r.block,
          field: 'level',
        }),
      );
    }
    return found;
  },
};
