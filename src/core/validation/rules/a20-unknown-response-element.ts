import { isKnownResponseElement } from '../../derive/analysisd';
import type { Diagnostic } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** A20: an element analysisd does not know inside `<active-response>` (a typo such as `<disbaled>`): (1230). */
export const a20UnknownResponseElement: Rule = {
  code: 'A20',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'active-response') continue;
      for (const child of block.children) {
        const ca = child.name === 'ca_store' || child.name === 'ca_verification';
        if (ca || isKnownResponseElement(child.name, ctx.target)) continue;
        found.push(
          diagnostic(ctx, 'A20', {
            severity: 'error',
            message: `<${child.name}> is not an element of <active-response>: the manager refuses the file.`,
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
