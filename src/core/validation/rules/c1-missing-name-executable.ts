import { fieldValue } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import type { TargetProfile } from '../../targets/target';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** `AR_CMD_MISS`, whose wording names `expect` where the element is required (OSSEC, Wazuh before 3.5). */
export function missingCommandOptions(target: TargetProfile): string {
  const text =
    target.expect === 'required'
      ? "Missing command options. You must specify a 'name', 'executable' and 'expect'."
      : "Missing command options. You must specify a 'name' and 'executable'.";
  return daemonMessage(target, 'analysisd', 1280, text);
}

/** C1: a `<command>` without `<name>` or `<executable>` stops analysisd with (1280). */
export const c1MissingNameExecutable: Rule = {
  code: 'C1',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'command' || block.children.length === 0) continue;
      const missing = ['name', 'executable'].filter((e) => fieldValue(block, e) === undefined);
      if (missing.length === 0) continue;
      found.push(
        diagnostic(ctx, 'C1', {
          severity: 'error',
          message: `This <command> has no ${missing.map((m) => `<${m}>`).join(' and no ')}: the manager refuses it.`,
          daemonMessage: missingCommandOptions(ctx.target),
          block,
          field: missing[0],
        }),
      );
    }
    return found;
  },
};
