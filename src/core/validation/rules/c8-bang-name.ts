import { fieldsNamed } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { valueError } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * C8: a `<name>` starting with `!`. Wazuh 3.7+ refuses each such element (1235); older targets accept it,
 * but agents read `!` names as ad-hoc commands and reject the ar.conf line (1313), so it never runs there.
 */
export const c8BangName: Rule = {
  code: 'C8',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const refused = ctx.target.bangNameRefused;
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      for (const child of fieldsNamed(block, 'name')) {
        if (!child.value.startsWith('!')) continue;
        found.push(
          diagnostic(ctx, 'C8', {
            severity: refused ? 'error' : 'warning',
            message: refused
              ? `A command name must not start with '!': ${ctx.target.label} refuses '${child.value}'.`
              : `A command name starting with '!' is accepted here, but agents refuse its ar.conf line, so it never runs on them.`,
            daemonMessage: refused ? valueError(ctx.target, 'analysisd', 'name', child.value) : undefined,
            block,
            child,
          }),
        );
      }
    }
    return found;
  },
};
