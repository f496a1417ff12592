import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** C3: Wazuh 4.2+ ignores `<expect>` (DEBUG only): the script gets the whole alert as JSON instead. */
export const c3ExpectDeprecated: Rule = {
  code: 'C3',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager' || ctx.target.expect !== 'ignored') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      const [child] = fieldsNamed(block, 'expect');
      if (!child) continue;
      found.push(
        diagnostic(ctx, 'C3', {
          severity: 'info',
          message: `${ctx.target.label} ignores <expect>: the script receives the whole alert as JSON on its standard input.`,
          daemonMessage: 'The <expect> tag is deprecated since version 4.2.0.',
          block,
          child,
          // Removing the only elements of a block would leave it empty, which the daemon refuses (X4).
          fix: block.children.some((c) => c.name !== 'expect')
            ? {
                title: 'Remove <expect>',
                ops: [{ op: 'removeField', blockIndex: block.index, field: 'expect' }],
              }
            : undefined,
        }),
      );
    }
    return found;
  },
};
