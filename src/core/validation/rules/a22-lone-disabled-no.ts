import type { Block, Diagnostic } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** The stock agent block `<active-response><disabled>no</disabled></active-response>`. */
export function isLoneDisabledNo(block: Block): boolean {
  return block.children.length > 0 && block.children.every((c) => c.name === 'disabled' && c.value === 'no');
}

/**
 * A22: the agent's `<active-response><disabled>no</disabled></active-response>` pasted into a manager's
 * file. analysisd reads it as a response with no command and no location (1281), so the manager does not
 * start (reference §4 note). With `repeated_offenders` beside it, it would pass.
 */
export const a22LoneDisabledNo: Rule = {
  code: 'A22',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    return ctx.blocks
      .filter((b) => b.kind === 'active-response' && isLoneDisabledNo(b))
      .map((block) =>
        diagnostic(ctx, 'A22', {
          severity: 'error',
          message:
            "This is an agent's block (<disabled>no</disabled> alone): in a manager's or local install's ossec.conf analysisd reads it as a response with no command and no location, and refuses it. Delete it, or check the role.",
          daemonMessage: daemonMessage(
            ctx.target,
            'analysisd',
            1281,
            'Missing options in the active response configuration.',
          ),
          block,
          field: 'disabled',
        }),
      );
  },
};
