import { atoi } from '../../derive/c-atoi';
import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A13: a `<timeout>` that is not plain digits goes through `atoi` unchecked: `abc` and an empty value
 * become 0 (stateless), `600s` becomes 600, `-1` is kept, a number past 32 bits wraps. Reference §10
 * calls it an error, but the daemons load it (§13, which wins), so it is a warning.
 */
export const a13TimeoutNotNumeric: Rule = {
  code: 'A13',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.model.responses) {
      const child = lastField(r.block, 'timeout');
      if (!r.checked || !child) continue;
      const read = atoi(child.value);
      if (/^\d+$/.test(child.value) && String(read) === child.value.replace(/^0+(?=\d)/, '')) continue;
      const digits = /^\s*\+?(\d{1,9})\s*s?\s*$/.exec(child.value)?.[1];
      found.push(
        diagnostic(ctx, 'A13', {
          severity: 'warning',
          message:
            read === 0
              ? `<timeout> '${child.value}' is read as 0: the response is never undone.`
              : read < 0
                ? `<timeout> '${child.value}' is read as ${read}: a negative timeout is kept as is and never expires as intended.`
                : `<timeout> '${child.value}' is read as ${read} seconds: write the number of seconds alone.`,
          block: r.block,
          child,
          fix:
            digits !== undefined && digits !== child.value
              ? {
                  title: `Set the timeout to ${Number(digits)}`,
                  ops: [
                    {
                      op: 'setField',
                      blockIndex: r.block.index,
                      field: 'timeout',
                      value: String(Number(digits)),
                    },
                  ],
                }
              : undefined,
        }),
      );
    }
    return found;
  },
};
