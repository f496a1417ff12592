import { anyBit } from '../../derive/analysisd';
import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A3: a `<location>` in which none of analysisd's searches finds a token (server/AS/analysisd, local,
 * defined-agent, all/any): refused with (1302). Before Wazuh 4.4 an empty location ends here too.
 */
export const a3InvalidLocation: Rule = {
  code: 'A3',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    return ctx.responses
      .filter((r) => r.checked && !r.missing && !anyBit(r.bits))
      .map((r) =>
        diagnostic(ctx, 'A3', {
          severity: 'error',
          message: `'${r.location}' is not a location: use local, server, defined-agent or all. The manager refuses it.`,
          daemonMessage: daemonMessage(
            ctx.target,
            'analysisd',
            1302,
            `Invalid active response location: '${r.location}'.`,
          ),
          block: r.block,
          child: lastField(r.block, 'location'),
        }),
      );
  },
};
