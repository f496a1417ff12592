import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** What a Wazuh 5.0 agent still reads in `<active-response>`: execd's two settings and the upgrade module's. */
const AGENT_READS = new Set(['disabled', 'repeated_offenders', 'ca_store', 'ca_verification']);

/**
 * W2: on Wazuh 5.0 an `<active-response>` in the manager's file is accepted and ignored: the branch of
 * `read_main_elements()` only says "Active response config is only for agents, parsed by execd"
 * (`src/config/src/config.c@5.0`). Nothing fires from it and nothing says so: the migration trap. On an
 * agent, execd reads `disabled` and `repeated_offenders` as in 4.x; anything else there has no effect.
 */
export const w2ResponseIgnored: Rule = {
  code: 'W2',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'active-response') continue;
      if (ctx.role === 'manager') {
        found.push(
          diagnostic(ctx, 'W2', {
            severity: 'warning',
            message: `${ctx.target.label} accepts and ignores <active-response> in the manager's file: nothing fires from this block. Recreate it as a definition and an Alerting monitor (see the migration view).`,
            block,
            see: 'migration',
          }),
        );
        continue;
      }
      const ignored = block.children.filter((child) => !AGENT_READS.has(child.name));
      if (ignored.length === 0) continue;
      found.push(
        diagnostic(ctx, 'W2', {
          severity: 'info',
          message: `A ${ctx.target.label} agent reads only disabled and repeated_offenders here: ${ignored.map((c) => `<${c.name}>`).join(', ')} ${ignored.length === 1 ? 'has' : 'have'} no effect. Responses are defined in the dashboard (see the migration view).`,
          block,
          see: 'migration',
        }),
      );
    }
    return found;
  },
};
