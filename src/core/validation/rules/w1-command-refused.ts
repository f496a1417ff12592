import type { Diagnostic } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext, readerOf } from '../rule';

/**
 * W1: Wazuh 5.0 removed `<command>` from the configuration reader. `read_main_elements()`
 * (`src/config/src/config.c@5.0`) has no branch for it, so the element reaches (1230) and every daemon that
 * reads the file, on the manager and on agents alike, stops with "Configuration error" (reference wazuh5 §1).
 */
export const w1CommandRefused: Rule = {
  code: 'W1',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    const where =
      ctx.role === 'manager'
        ? 'the manager refuses to start with it'
        : 'an agent refuses it in its ossec.conf and does not start';
    return ctx.blocks
      .filter((block) => block.kind === 'command')
      .map((block) =>
        diagnostic(ctx, 'W1', {
          severity: 'error',
          message: `${ctx.target.label} has no <command>: ${where}. Its responses become definitions in the dashboard (see the migration view); delete the block.`,
          daemonMessage: invalidElement(ctx.target, readerOf(ctx), 'command'),
          block,
          see: 'migration',
        }),
      );
  },
};
