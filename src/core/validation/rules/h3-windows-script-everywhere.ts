import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * H3: a Windows script (`.cmd`, `.exe`, `.bat`, `.ps1`) sent with `local` or `all` also reaches Linux
 * agents, which do not have it and ignore the response there (reference §8 Ex2).
 */
export const h3WindowsScriptEverywhere: Rule = {
  code: 'H3',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const executable = r.resolved?.executable ?? '';
      if (r.outcome !== 'accepted' || r.bits.server || !(r.bits.local || r.bits.all)) continue;
      if (!/\.(cmd|exe|bat|ps1)$/i.test(executable)) continue;
      found.push(
        diagnostic(ctx, 'H3', {
          severity: 'info',
          message: `${executable} is a Windows script, but this response also reaches Linux and macOS agents, which do not have it (they log that it is not present). Narrow it with rules or a defined agent.`,
          block: r.block,
          child: lastField(r.block, 'location'),
        }),
      );
    }
    return found;
  },
};
