import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { positionAt } from '../../xml/positions';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * C9: a second `<command>` with a name already defined. The daemon says nothing and every response uses
 * the first definition (reference §3, wazuh/wazuh#1945), so this block has no effect.
 */
export const c9DuplicateCommand: Rule = {
  code: 'C9',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const firstAt = new Map<string, number>();
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      const child = lastField(block, 'name');
      if (!child) continue;
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
