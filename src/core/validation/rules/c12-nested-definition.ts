import { type ResponseModel, reachesCommandLookup } from '../../derive/analysisd';
import type { Diagnostic } from '../../model/types';
import { daemonMessage, invalidElement } from '../../targets/messages';
import { moveOutFix, type NestedGroup, nestedGroups, quotedList } from '../nested-definitions';
import { diagnostic, type Finding, type Rule, type RuleContext } from '../rule';

/** What analysisd prints for the response a definition was put in, when that refuses it. */
function responseRefusal(ctx: RuleContext, r: ResponseModel): string | undefined {
  if (r.checked && r.missing && !r.hasOffenders) {
    return daemonMessage(
      ctx.target,
      'analysisd',
      1281,
      'Missing options in the active response configuration.',
    );
  }
  if (r.outcome === 'refused' && reachesCommandLookup(r, ctx.target) && !r.resolved) {
    return daemonMessage(
      ctx.target,
      'analysisd',
      1303,
      `Invalid command '${r.command}' in the active response.`,
    );
  }
  return undefined;
}

function finding(
  ctx: RuleContext,
  group: NestedGroup,
): Pick<Finding, 'severity' | 'message' | 'daemonMessage'> {
  const { container, names, definitions } = group;
  const these =
    names.length === 0
      ? definitions.length === 1
        ? 'A <command> definition'
        : `${definitions.length} <command> definitions`
      : `The <command> ${names.length === 1 ? 'definition' : 'definitions'} ${quotedList(names)}`;
  const sit = definitions.length === 1 ? 'sits' : 'sit';
  const block = group.blockIndex === undefined ? undefined : ctx.modelOf(ctx.doc.blocks[group.blockIndex]);
  if (container.name === 'active-response' && block && 'outcome' in block) {
    const refusal = responseRefusal(ctx, block);
    return {
      severity: refusal ? 'error' : 'warning',
      message: `${these} ${sit} inside this <active-response>, where the manager reads <command> as the name of a command to run, not as a definition: it defines none of them${refusal ? ' and refuses this block' : ''}.`,
      daemonMessage: refusal,
    };
  }
  if (container.name === 'command' && group.blockIndex !== undefined) {
    return {
      severity: 'error',
      message: `${these} ${sit} inside another <command>, where the manager knows no <command> element: it refuses the file.`,
      daemonMessage: invalidElement(ctx.target, 'analysisd', 'command'),
    };
  }
  return {
    severity: 'warning',
    message: `${these} ${sit} inside <${container.name}>, where the manager does not look for definitions (only directly inside <ossec_config>): it defines none of them.`,
  };
}

/**
 * C12: `<command>` definitions put inside another element (a real mistake in the corpus: four of them
 * inside an `<active-response>`). No daemon reads them as definitions: in `<active-response>`,
 * `ReadActiveResponses()` takes `<command>` as the command option and keeps its text (what follows its
 * last child, usually a line break), so the block is refused with (1281) when it has no location, else
 * with (1303); inside a `<command>` it is an unknown element (1230); elsewhere the section's reader has
 * it. One diagnostic per element, with the fix that moves them out as top-level commands.
 */
export const c12NestedDefinition: Rule = {
  code: 'C12',
  scope: 'document',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    return nestedGroups(ctx).map((group) => {
      // A block that holds them is what the message speaks of; elsewhere, the definitions themselves.
      const where =
        group.blockIndex === undefined
          ? { offset: group.definitions[0].start, endOffset: group.definitions.at(-1)?.end }
          : { block: ctx.doc.blocks[group.blockIndex] };
      return diagnostic(ctx, 'C12', { ...finding(ctx, group), ...where, fix: moveOutFix(ctx, group) });
    });
  },
};
