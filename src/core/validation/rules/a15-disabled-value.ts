import { fieldsNamed } from '../../model/fields';
import type { Block, BlockChild, Diagnostic } from '../../model/types';
import { valueError } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A15: `<disabled>` must be exactly `yes` or `no`. analysisd checks every one (1235); execd, which is all
 * an agent runs, reads only the first `<disabled>` in the file and exits on a bad value (reference §4).
 */
export const a15DisabledValue: Rule = {
  code: 'A15',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    const checked: Array<{ block: Block; child: BlockChild }> = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'active-response') continue;
      if (ctx.role === 'manager') {
        for (const child of fieldsNamed(block, 'disabled')) checked.push({ block, child });
      } else if (ctx.execd.disabled?.block === block) {
        checked.push(ctx.execd.disabled);
      }
    }
    const reader = ctx.role === 'manager' ? 'analysisd' : 'execd';
    return checked
      .filter(({ child }) => child.value !== 'yes' && child.value !== 'no')
      .map(({ block, child }) => {
        const lower = child.value.trim().toLowerCase();
        return diagnostic(ctx, 'A15', {
          severity: 'error',
          message: `<disabled> must be exactly yes or no: the ${reader === 'execd' ? 'agent' : 'manager'} refuses '${child.value}'.`,
          daemonMessage: valueError(ctx.target, reader, 'disabled', child.value),
          block,
          child,
          // On a manager, a block of `<disabled>no</disabled>` alone is refused in turn (A22): no fix there.
          fix:
            (lower === 'yes' || lower === 'no') &&
            !(reader === 'analysisd' && lower === 'no' && block.children.every((c) => c.name === 'disabled'))
              ? {
                  title: `Set disabled to ${lower}`,
                  ops: [{ op: 'setField', blockIndex: block.index, field: 'disabled', value: lower }],
                }
              : undefined,
        });
      });
  },
};
