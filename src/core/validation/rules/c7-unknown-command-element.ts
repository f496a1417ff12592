import { isKnownCommandElement } from '../../derive/analysisd';
import type { Diagnostic } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** C7: any element inside `<command>` other than name, executable, expect, timeout_allowed, extra_args (1230). */
export const c7UnknownCommandElement: Rule = {
  code: 'C7',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      for (const child of block.children) {
        if (child.name === 'extra_args' || isKnownCommandElement(child.name, ctx.target)) continue;
        // A definition put inside this one is C12's, which offers to move it out.
        if (child.name === 'command' && child.hasNestedElements) continue;
        found.push(
          diagnostic(ctx, 'C7', {
            severity: 'error',
            message: `<${child.name}> is not an element of <command>: the manager refuses the file.`,
            daemonMessage: invalidElement(ctx.target, 'analysisd', child.name),
            block,
            child,
          }),
        );
      }
    }
    return found;
  },
};
