import { readOffenders } from '../../derive/execd';
import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import type { TargetProfile } from '../../targets/target';
import { diagnostic, type Rule, type RuleContext } from '../rule';

function problemsOf(value: string, target: TargetProfile): string[] {
  const { stored, minutes, merged } = readOffenders(value, target);
  const problems: string[] = [];
  if (merged)
    problems.push(`only 5 entries are read (the 5th swallows the rest, so it reads as ${stored.at(-1)})`);
  const stop = stored.indexOf(0);
  if (stored.length === 0 || stop === 0)
    problems.push('a first entry of 0 (or not a number) turns repeat-offender timeouts off');
  else if (stop > 0) problems.push(`entry ${stop + 1} reads as 0 and ends the list there`);
  if (minutes.some((n) => n < 0)) problems.push('a negative entry is kept as is');
  if (minutes.some((n, i) => i > 0 && n < minutes[i - 1]))
    problems.push('the entries do not grow, so a repeat offender is blocked for less time');
  return problems;
}

/**
 * A18: `repeated_offenders` as execd reads it (reference §5.6, §13): up to 5 comma-separated minutes,
 * a 0 or non-numeric entry ends the list, and only one block counts: Wazuh's execd takes the first block
 * that has the element, OSSEC's looks at the first `<active-response>` only.
 */
export const a18RepeatedOffendersFormat: Rule = {
  code: 'A18',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    const found: Diagnostic[] = [];
    const read = ctx.execd.offenders;
    for (const block of ctx.blocks) {
      if (block.kind !== 'active-response') continue;
      for (const child of fieldsNamed(block, 'repeated_offenders')) {
        if (child !== read?.child) {
          found.push(
            diagnostic(ctx, 'A18', {
              severity: 'warning',
              message:
                ctx.target.product === 'ossec'
                  ? `${ctx.target.label}'s execd only reads repeated_offenders from the first <active-response>: this one is ignored.`
                  : 'execd reads repeated_offenders from the first block that has it: this one is ignored.',
              block,
              child,
            }),
          );
          continue;
        }
        const problems = problemsOf(child.value, ctx.target);
        if (problems.length === 0) continue;
        found.push(
          diagnostic(ctx, 'A18', {
            severity: 'warning',
            message: `<repeated_offenders> '${child.value}': ${problems.join('; ')}.`,
            block,
            child,
          }),
        );
      }
    }
    return found;
  },
};
