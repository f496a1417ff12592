import { fieldValue } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';
import { missingCommandOptions } from './c1-missing-name-executable';

/** C2: OSSEC and Wazuh before 3.5 require `<expect>` in every `<command>`, even empty (1280). */
export const c2MissingExpect: Rule = {
  code: 'C2',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager' || ctx.target.expect !== 'required') return [];
    return ctx.blocks
      .filter((b) => b.kind === 'command' && b.children.length > 0 && fieldValue(b, 'expect') === undefined)
      .map((block) =>
        diagnostic(ctx, 'C2', {
          severity: 'error',
          message: `${ctx.target.label} requires <expect> in every <command> (it may be empty): the manager refuses this one.`,
          daemonMessage: missingCommandOptions(ctx.target),
          block,
          field: 'expect',
          fix: {
            title: 'Add an empty <expect>',
            ops: [{ op: 'setField', blockIndex: block.index, field: 'expect', value: '' }],
          },
        }),
      );
  },
};
