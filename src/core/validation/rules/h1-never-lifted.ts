import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** Stock scripts that block an address or an account until they are run again with `delete`. */
const BLOCKING =
  /^(firewall-?drop|firewalld-drop|nftables-drop|host-deny|route-null(-2012)?|pf|ipfw(_mac)?|npf|netsh(-win-2016)?|ip-customblock|disable-account|cloudflare-ban)(\.(sh|cmd|exe))?$/;

/**
 * H1: a blocking script run without a timeout is never undone (reference §5.4, §8 Ex3). A hint: the
 * admin may want a permanent block, but usually meant a stateful one.
 */
export const h1NeverLifted: Rule = {
  code: 'H1',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const executable = r.resolved?.executable;
      if (r.outcome !== 'accepted' || r.timeout !== 0 || !executable || !BLOCKING.test(executable)) continue;
      found.push(
        diagnostic(ctx, 'H1', {
          severity: 'info',
          message: `This response has no <timeout>: what ${executable} blocks is never unblocked. Add a timeout (and timeout_allowed yes on the command) to lift it.`,
          block: r.block,
          child: lastField(r.block, 'command'),
        }),
      );
    }
    return found;
  },
};
