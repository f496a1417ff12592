import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** A5: `defined-agent` needs `<agent_id>`; without it analysisd stops with (1304). */
export const a5DefinedAgentWithoutId: Rule = {
  code: 'A5',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    return ctx.responses
      .filter((r) => r.checked && !r.missing && r.bits.definedAgent && r.agentId === undefined)
      .map((r) =>
        diagnostic(ctx, 'A5', {
          severity: 'error',
          message:
            'Location defined-agent needs an <agent_id> (for example 001): the manager refuses this response.',
          daemonMessage: daemonMessage(ctx.target, 'analysisd', 1304, 'No agent defined for response.'),
          block: r.block,
          child: lastField(r.block, 'location'),
          fix: {
            title: 'Add agent_id 001',
            ops: [{ op: 'setField', blockIndex: r.block.index, field: 'agent_id', value: '001' }],
          },
        }),
      );
  },
};
