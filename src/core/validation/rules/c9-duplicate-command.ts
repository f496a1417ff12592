import { fieldValue, lastField } from '../../model/fields';
import type { Block, Diagnostic } from '../../model/types';
import { positionAt } from '../../xml/positions';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** `restart-ossec` from `restart-ossec0 - restart-ossec.sh - 0`: names analysisd defines in ar.conf itself. */
function builtinNames(lines: readonly string[]): Set<string> {
  return new Set(lines.map((line) => line.split(' - ')[0].replace(/0$/, '')));
}

const COMPARED = ['executable', 'timeout_allowed', 'expect', 'extra_args'];

/** How this definition differs from the one used: `executable 'a.sh' here, 'a' there`, or nothing. */
function differences(unused: Block, used: Block): string {
  return COMPARED.flatMap((element) => {
    const here = fieldValue(unused, element);
    const there = fieldValue(used, element);
    if (here === there) return [];
    const shown = (v: string | undefined) => (v === undefined ? 'none' : `'${v}'`);
    return [`<${element}> ${shown(here)} here, ${shown(there)} there`];
  }).join(', ');
}

/**
 * C9: a second `<command>` with a name already defined. The daemon says nothing and every response uses
 * the first definition (reference §3, wazuh/wazuh#1945): analysisd looks a name up among the commands
 * read so far and stops at the first, and the first is read before any response the second could serve,
 * so the second is never used. The fix removes it, which changes nothing the daemon does; where the two
 * differ the message says how, since that is what the admin may have meant instead. A name the manager
 * already writes to ar.conf itself (`restart-ossec0`), where the target's templates do not define it,
 * gets a hint: a response with timeout 0 repeats the built-in line (reference §8, Ex1).
 */
export const c9DuplicateCommand: Rule = {
  code: 'C9',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
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
      // The model keeps every definition of a name in document order; its own `name` is this last one.
      const first = ctx.firstDefinition(child.value)?.block;
      if (first === undefined || first === block) continue;
      const line = positionAt(ctx.doc.text, first.start).line;
      const differ = differences(block, first);
      found.push(
        diagnostic(ctx, 'C9', {
          severity: 'warning',
          message: `'${child.value}' is already defined on line ${line}: the first definition wins, so this one is never used${differ ? ` (it differs: ${differ})` : ''}.`,
          block,
          child,
          fix: {
            title: `Remove this unused definition (line ${line}'s is used)`,
            ops: [{ op: 'removeBlock', blockIndex: block.index }],
          },
        }),
      );
    }
    return found;
  },
};
