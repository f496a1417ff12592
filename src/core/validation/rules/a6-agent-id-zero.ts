import { atoi } from '../../derive/c-atoi';
import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A6: `defined-agent` with an agent_id that reads as 0 (`0`, `000`, `abc`, empty). Wazuh 4.3+ warns with
 * (1306) and drops the response (reference §13). Earlier targets keep it: `000` is the manager, and a
 * non-numeric ID names no agent, so the response goes nowhere.
 */
export const a6AgentIdZero: Rule = {
  code: 'A6',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      if (!r.checked || r.missing || !r.bits.definedAgent || r.agentId === undefined) continue;
      if (atoi(r.agentId) !== 0) continue;
      const dropped = ctx.target.agentIdZeroDropped;
      const numeric = /^\d+$/.test(r.agentId);
      if (!dropped && numeric) continue;
      found.push(
        diagnostic(ctx, 'A6', {
          severity: 'warning',
          message: dropped
            ? `agent_id '${r.agentId}' is not an agent: ${ctx.target.label} drops this response. Use location server to run it on the manager.`
            : `agent_id '${r.agentId}' is not an agent ID: this response reaches no agent.`,
          daemonMessage: dropped
            ? daemonMessage(
                ctx.target,
                'analysisd',
                1306,
                'Invalid agent ID. Use location=server to run AR on the manager.',
                'WARN',
              )
            : undefined,
          block: r.block,
          child: lastField(r.block, 'agent_id'),
        }),
      );
    }
    return found;
  },
};
