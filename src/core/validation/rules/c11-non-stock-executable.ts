import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { stockRename } from '../../targets/stock';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * C11: an executable that the target's packages do not install. The manager never checks; the agent logs
 * an INFO and ignores the response (reference §3, §7). A stock script under its other generation's name
 * (`firewall-drop.sh` on Wazuh 4.2+, `firewall-drop` before) gets a one-click rename.
 */
export const c11NonStockExecutable: Rule = {
  code: 'C11',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const { target } = ctx;
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      const child = lastField(block, 'executable');
      if (!child || child.value === '' || target.stockExecutables.includes(child.value)) continue;
      const renamed = stockRename(child.value, target.scripts);
      found.push(
        diagnostic(ctx, 'C11', {
          severity: 'info',
          message: renamed
            ? `${target.label} ships this script as '${renamed}', not '${child.value}': agents will not find it.`
            : `'${child.value}' is not a stock script of ${target.label}: install it in active-response/bin on every host that runs it.`,
          daemonMessage: `Active response command not present: '${child.value}'. Not using it on this system.`,
          block,
          child,
          fix: renamed
            ? {
                title: `Rename the executable to ${renamed}`,
                ops: [{ op: 'setField', blockIndex: block.index, field: 'executable', value: renamed }],
              }
            : undefined,
        }),
      );
    }
    return found;
  },
};
