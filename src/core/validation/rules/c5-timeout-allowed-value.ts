import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { valueError } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** C5: each `<timeout_allowed>` must be exactly `yes` or `no` (lowercase, no blanks), or (1235). */
export const c5TimeoutAllowedValue: Rule = {
  code: 'C5',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      for (const child of fieldsNamed(block, 'timeout_allowed')) {
        if (child.value === 'yes' || child.value === 'no') continue;
        const lower = child.value.trim().toLowerCase();
        found.push(
          diagnostic(ctx, 'C5', {
            severity: 'error',
            message: `<timeout_allowed> must be exactly yes or no: the manager refuses '${child.value}'.`,
            daemonMessage: valueError(ctx.target, 'analysisd', 'timeout_allowed', child.value),
            block,
            child,
            fix:
              lower === 'yes' || lower === 'no'
                ? {
                    title: `Set timeout_allowed to ${lower}`,
                    ops: [
                      { op: 'setField', blockIndex: block.index, field: 'timeout_allowed', value: lower },
                    ],
                  }
                : undefined,
          }),
        );
      }
    }
    return found;
  },
};
