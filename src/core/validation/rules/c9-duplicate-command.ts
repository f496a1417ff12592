import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { positionAt } from '../../xml/positions';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** `restart-ossec` from `restart-ossec0 - restart-ossec.sh - 0`: names analysisd defines in ar.conf itself. */
function builtinNames(lines: readonly string[]): Set<string> {
  return new Set(lines.map((line) => line.split(' - ')[0].replace(/0$/, '')));
}

/**
 * C9: a second `<command>` with a name already defined. The daemon says nothing and every response uses
 * the first definition (reference §3, wazuh/wazuh#1945), so this block has no effect. A name the manager
 * already writes to ar.conf itself (`restart-ossec0`), where the target's templates do not define it,
 * gets a hint: a response with timeout 0 repeats the built-in line (reference §8, Ex1).
 */
export const c9DuplicateCommand: Rule = {
  code: 'C9',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const firstAt = new Map<string, number>();
    const builtin = builtinNames(ctx.target.builtinArConf);
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      const child = lastField(block, 'name');
      if (!child) continue;
      if (builtin.has(child.value) && !ctx.target.stockCommands.some((s) => s.name === child.value)) {
        found.push(
          diagnostic(ctx, 'C9', {
            severity: 'info',
            message: `'${child.value}' is built in: the manager already writes '${child.value}0' to ar.conf, so a response without timeout repeats that line.`,
            block,
            child,
          }),
        );
      }
      const first = firstAt.get(child.value);
      if (first === undefined) {
        firstAt.set(child.value, block.start);
        continue;
      }
      const line = positionAt(ctx.doc.text, first).line;
      found.push(
        diagnostic(ctx, 'C9', {
          severity: 'warning',
          message: `'${child.value}' is already defined on line ${line}: the first definition wins, so this one is never used.`,
          block,
          child,
        }),
      );
    }
    return found;
  },
};
