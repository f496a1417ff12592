import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * W4: a Wazuh 5.0 agent's execd still parses and applies `repeated_offenders` (`ExecdConfig()` in
 * `src/os_execd/src/config.c@5.0`, the repeated-offender table in `execd.c@5.0`), but the 5.0 migration guide
 * says the setting is gone with no replacement. It works today and is not promised: a warning, not an error.
 */
export const w4RepeatedOffendersUndocumented: Rule = {
  code: 'W4',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'agent') return [];
    return ctx.blocks.flatMap((block) =>
      block.kind !== 'active-response'
        ? []
        : fieldsNamed(block, 'repeated_offenders').map((child) =>
            diagnostic(ctx, 'W4', {
              severity: 'warning',
              message: `A ${ctx.target.label} agent's execd still reads repeated_offenders, but the 5.0 documentation says it is gone with no replacement: it works today and may stop in any release. For escalating blocks, use two definitions with different timeouts.`,
              block,
              child,
            }),
          ),
    );
  },
};
