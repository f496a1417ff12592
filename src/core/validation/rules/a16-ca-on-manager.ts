import type { Diagnostic } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A16: analysisd has never accepted `<ca_verification>` in `<active-response>`, and OSSEC does not know
 * `<ca_store>` either: in a manager's file both are (1230). They belong to an agent's ossec.conf.
 */
export const a16CaOnManager: Rule = {
  code: 'A16',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'active-response') continue;
      for (const child of block.children) {
        const refused =
          child.name === 'ca_verification' || (child.name === 'ca_store' && !ctx.target.caStoreAccepted);
        if (!refused) continue;
        found.push(
          diagnostic(ctx, 'A16', {
            severity: 'error',
            message: `<${child.name}> is an agent setting: ${ctx.target.label}'s manager does not accept it in <active-response> and refuses the file.`,
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
