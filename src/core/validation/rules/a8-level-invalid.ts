import { atoi, isAllDigits } from '../../derive/c-atoi';
import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { valueError } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A8: each `<level>` must be digits only and 0–20 (`OS_StrIsNum`, then `atoi`): `07` and an empty value
 * pass, `-1`, `21`, `+7`, `7.5`, ` 7` are refused with (1235) (reference §13). The check runs in the
 * element loop, so it applies to disabled blocks too.
 */
export const a8LevelInvalid: Rule = {
  code: 'A8',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'active-response') continue;
      for (const child of fieldsNamed(block, 'level')) {
        const level = atoi(child.value);
        if (isAllDigits(child.value) && level >= 0 && level <= 20) continue;
        const trimmed = child.value.trim();
        found.push(
          diagnostic(ctx, 'A8', {
            severity: 'error',
            message: `<level> must be a whole number from 0 to 20 written with digits only: the manager refuses '${child.value}'.`,
            daemonMessage: valueError(ctx.target, 'analysisd', 'level', child.value),
            block,
            child,
            fix:
              /^\d+$/.test(trimmed) && atoi(trimmed) <= 20
                ? {
                    title: `Set the level to ${trimmed}`,
                    ops: [{ op: 'setField', blockIndex: block.index, field: 'level', value: trimmed }],
                  }
                : undefined,
          }),
        );
      }
    }
    return found;
  },
};
