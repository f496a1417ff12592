import { atoi, isAllDigits } from '../../derive/c-atoi';
import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** A9: levels 17–20 load, but rule levels stop at 16, so the level never matches (reference §4). */
export const a9LevelNeverMatches: Rule = {
  code: 'A9',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const child = lastField(r.block, 'level');
      if (!r.checked || !child || !isAllDigits(child.value)) continue;
      const level = atoi(child.value);
      if (level < 17 || level > 20) continue;
      found.push(
        diagnostic(ctx, 'A9', {
          severity: 'warning',
          message: `No rule has level ${level} (rule levels stop at 16), so this level never matches.`,
          block: r.block,
          child,
        }),
      );
    }
    return found;
  },
};
