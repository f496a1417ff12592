import { lastField } from '../../model/fields';
import type { Block, BlockChild, Diagnostic, Fix } from '../../model/types';
import { trimWhere } from '../../text/trim';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * The IDs as the admin meant them: a stray character at an end goes, one between two IDs (`5710;5712`)
 * becomes the comma the daemon needs.
 */
function idsOnly(block: Block, child: BlockChild): Fix | undefined {
  const value = trimWhere(
    child.value.replace(/[^\d\s,]+/g, ',').replace(/,(\s*,)+/g, ','),
    (c) => c === ',' || /\s/.test(c),
  );
  if (!/\d/.test(value)) return undefined;
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return {
    title: `Keep the rule IDs: ${shown}`,
    ops: [{ op: 'setField', blockIndex: block.index, field: 'rules_id', value }],
  };
}

/**
 * A12: `rules_id` holding characters other than digits, blanks and commas. Reference §10 lists this as
 * an error, but analysisd does not validate the value at load time (§4): rule matching stops quietly at
 * the first such character. The daemon starts, so by DESIGN §4 it is a warning.
 */
export const a12RulesIdCharacters: Rule = {
  code: 'A12',
  scope: 'facts',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.responses) {
      const child = lastField(r.block, 'rules_id');
      if (!r.checked || !child) continue;
      const bad = /[^\d\s,]/.exec(child.value);
      if (!bad) continue;
      const used = child.value
        .slice(0, bad.index)
        .split(/[\s,]+/)
        .filter(Boolean);
      found.push(
        diagnostic(ctx, 'A12', {
          severity: 'warning',
          message: `<rules_id> may only hold rule IDs separated by commas: matching stops at '${bad[0]}', so ${used.length > 0 ? `only ${used.join(', ')} ${used.length === 1 ? 'counts' : 'count'}` : 'no rule counts'}.`,
          block: r.block,
          child,
          fix: idsOnly(r.block, child),
        }),
      );
    }
    return found;
  },
};
