import type { Diagnostic } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext, readerOf } from '../rule';

/**
 * X4: a `<command>` or `<active-response>` with no child element is not taken as a block at all and falls
 * through to (1230) (reference §1.7). Every daemon walks these sections, so agents refuse it too.
 */
export const x4EmptyBlock: Rule = {
  code: 'X4',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    return ctx.blocks
      .filter((block) => block.children.length === 0)
      .map((block) =>
        diagnostic(ctx, 'X4', {
          severity: 'error',
          message: `This <${block.kind}> has no elements inside: the daemon refuses it. Fill it in or delete it.`,
          daemonMessage: invalidElement(ctx.target, readerOf(ctx), block.kind),
          block,
        }),
      );
  },
};
