import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** C6: `<extra_args>` exists from Wazuh 3.5; OSSEC and older Wazuh refuse it as unknown (1230). */
export const c6ExtraArgsUnsupported: Rule = {
  code: 'C6',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager' || ctx.target.extraArgs) return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      for (const child of fieldsNamed(block, 'extra_args')) {
        found.push(
          diagnostic(ctx, 'C6', {
            severity: 'error',
            message: `${ctx.target.label} does not know <extra_args> (Wazuh 3.5 added it): the manager refuses the file.`,
            daemonMessage: invalidElement(ctx.target, 'analysisd', 'extra_args'),
            block,
            child,
          }),
        );
      }
    }
    return found;
  },
};
