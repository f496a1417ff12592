import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * H2: on Wazuh 4.x `all` sends the response to every active agent and not to the manager (reference
 * §5.1, §11.9); the docs' way to cover the manager too is a second block with `server`.
 */
export const h2AllWithoutManager: Rule = {
  code: 'H2',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager' || ctx.target.product !== 'wazuh' || ctx.target.version.major < 4) return [];
    return ctx.responses
      .filter((r) => r.outcome === 'accepted' && r.bits.all && !r.bits.server && !r.bits.local)
      .map((r) =>
        diagnostic(ctx, 'H2', {
          severity: 'info',
          message:
            'Location all means every active agent, not the manager: add a second block with location server to run it there too.',
          block: r.block,
          child: lastField(r.block, 'location'),
        }),
      );
  },
};
