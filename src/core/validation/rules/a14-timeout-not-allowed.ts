import { reachesCommandLookup } from '../../derive/analysisd';
import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A14: a non-zero timeout on a response whose command lacks `timeout_allowed` yes. OSSEC and Wazuh
 * before 3.7 refuse it (1305 ERROR); Wazuh 3.7+ logs it as INFO and resets the timeout to 0, so the
 * response silently becomes stateless (reference §6, §13).
 */
export const a14TimeoutNotAllowed: Rule = {
  code: 'A14',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const fatal = ctx.target.timeoutWithoutAllowed === 'fatal';
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const command = r.resolved;
      if (!reachesCommandLookup(r, ctx.target) || !command || r.timeout === 0 || command.timeoutAllowed)
        continue;
      const commandBlock = command.block;
      found.push(
        diagnostic(ctx, 'A14', {
          severity: fatal ? 'error' : 'warning',
          message: fatal
            ? `The command '${command.name}' does not allow a timeout (timeout_allowed is not yes): ${ctx.target.label} refuses this response.`
            : `The command '${command.name}' does not allow a timeout (timeout_allowed is not yes): the timeout is reset to 0, so the response is never undone.`,
          daemonMessage: daemonMessage(
            ctx.target,
            'analysisd',
            1305,
            `Timeout not allowed for command: '${command.name}'.`,
            fatal ? 'ERROR' : 'INFO',
          ),
          block: r.block,
          child: lastField(r.block, 'timeout'),
          fix: commandBlock
            ? {
                title: `Allow a timeout on the command '${command.name}'`,
                ops: [
                  { op: 'setField', blockIndex: commandBlock.index, field: 'timeout_allowed', value: 'yes' },
                ],
              }
            : undefined,
        }),
      );
    }
    return found;
  },
};
