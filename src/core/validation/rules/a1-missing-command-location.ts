import { fieldValue } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import { nestedGroups } from '../nested-definitions';
import { diagnostic, type Rule, type RuleContext } from '../rule';
import { isLoneDisabledNo } from './a22-lone-disabled-no';

/**
 * A1: an `<active-response>` without `<command>` or `<location>` (or, on Wazuh 4.4+, with one of them
 * empty) stops analysisd with (1281), unless the block is disabled or holds `repeated_offenders`: then
 * analysisd lets it pass and ignores it, so a half-written response with repeated_offenders never runs.
 */
export const a1MissingCommandLocation: Rule = {
  code: 'A1',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    // A response holding <command> definitions is C12's: they are why it has no usable <command>.
    const holders = new Set(nestedGroups(ctx).map((g) => g.blockIndex));
    for (const r of ctx.responses) {
      const { block } = r;
      if (!r.checked || !r.missing || block.children.length === 0 || isLoneDisabledNo(block)) continue;
      if (holders.has(block.index)) continue;
      const command = fieldValue(block, 'command');
      const location = fieldValue(block, 'location');
      const what = [
        command === undefined ? 'no <command>' : command === '' ? 'an empty <command>' : '',
        location === undefined ? 'no <location>' : location === '' ? 'an empty <location>' : '',
      ]
        .filter(Boolean)
        .join(' and ');
      const missingField = command === undefined || command === '' ? 'command' : 'location';
      if (r.hasOffenders) {
        if (command === undefined && location === undefined) continue;
        found.push(
          diagnostic(ctx, 'A1', {
            severity: 'warning',
            message: `This response has ${what}; because it holds <repeated_offenders>, the manager skips it without a word, so it never runs.`,
            block,
            field: missingField,
          }),
        );
        continue;
      }
      found.push(
        diagnostic(ctx, 'A1', {
          severity: 'error',
          message: `This response has ${what}: the manager refuses it.`,
          daemonMessage: daemonMessage(
            ctx.target,
            'analysisd',
            1281,
            'Missing options in the active response configuration.',
          ),
          block,
          field: missingField,
        }),
      );
    }
    return found;
  },
};
