import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A19: `repeated_offenders` in a manager's response that runs on agents. analysisd ignores the element;
 * only the execd of the host that runs the script reads it, from that host's own ossec.conf (reference
 * §5.6, §11.3), so here it only affects responses the manager itself runs.
 */
export const a19RepeatedOffendersOnManager: Rule = {
  code: 'A19',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const child = lastField(r.block, 'repeated_offenders');
      const onAgents = r.bits.local || r.bits.definedAgent || r.bits.all;
      if (!child || !r.checked || r.bits.server || !onAgents) continue;
      found.push(
        diagnostic(ctx, 'A19', {
          severity: 'warning',
          message:
            "repeated_offenders is read by the execd of the host that runs the script, from its own ossec.conf: here it has no effect on agents. Put it in the agents' ossec.conf.",
          block: r.block,
          child,
        }),
      );
    }
    return found;
  },
};
