import { isConfigRoot } from '../../model/read';
import type { Diagnostic, XmlElement } from '../../model/types';
import { invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext, readerOf } from '../rule';

const BLOCK_NAMES = ['command', 'active-response'];

/** `<Command>`, `<active_response>`, `<active‐response>` (U+2010): meant as a block, unknown to the daemon. */
function looksLikeBlock(name: string): boolean {
  const folded = name
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212_]/g, '-')
    .trim();
  return BLOCK_NAMES.includes(folded) && !BLOCK_NAMES.includes(name);
}

/**
 * X3: an element the daemon does not know where it stands, which it refuses with (1230): any top-level
 * element other than the root the target reads for the role (`<ossec_config>`, or `<wazuh_config>` for a
 * Wazuh 5.0 manager: `ReadConfig()` in `src/config/src/config.c@5.0`, reference §1.6 and wazuh5 §1), and a
 * section of the root that was meant as a block but is spelt differently (§1.5: names are case-sensitive).
 * A centralized agent.conf is a different file that neither analysisd nor execd reads: an info says so.
 */
export const x3InvalidElement: Rule = {
  code: 'X3',
  check(ctx: RuleContext): Diagnostic[] {
    const { doc, target } = ctx;
    if (doc.shape === 'agent-config') {
      return [
        diagnostic(ctx, 'X3', {
          severity: 'info',
          message:
            'This is a centralized agent.conf (<agent_config>): analysisd and execd read only ossec.conf, so <command> and <active-response> here have no effect.',
          offset: doc.topLevel[0]?.start ?? 0,
        }),
      ];
    }
    if (doc.shape !== 'config') return [];
    const found: Diagnostic[] = [];
    const root = target.roots[ctx.role];
    for (const top of doc.topLevel) {
      // `<?xml …?>` is X1's: the reader stops there and keeps it as a top-level node.
      if (top.name.startsWith('?')) continue;
      if (top.name !== root) {
        found.push(
          diagnostic(ctx, 'X3', {
            severity: 'error',
            message: outsideRoot(top, root, ctx),
            daemonMessage: invalidElement(target, readerOf(ctx), top.name),
            offset: top.start,
            endOffset: top.end,
          }),
        );
        continue;
      }
      for (const section of top.children) {
        if (!looksLikeBlock(section.name)) continue;
        found.push(
          diagnostic(ctx, 'X3', {
            severity: 'error',
            message: `<${section.name}> is not <command> or <active-response>: element names are exact and case-sensitive, so the daemon refuses it.`,
            daemonMessage: invalidElement(target, readerOf(ctx), section.name),
            offset: section.start,
            endOffset: section.end,
          }),
        );
      }
    }
    return found;
  },
};

function outsideRoot(top: XmlElement, root: string, ctx: RuleContext): string {
  const who = `${ctx.target.label} ${ctx.role === 'manager' ? 'manager' : 'agent'}`;
  if (!isConfigRoot(top.name)) {
    return `<${top.name}> stands outside <${root}>: the daemon refuses any other top-level element.`;
  }
  if (top.name === 'wazuh_config') {
    return `<wazuh_config> is the root of a Wazuh 5.0 manager's file: the ${who} reads only <${root}> and refuses it.`;
  }
  return `The ${who} reads <${root}>: it refuses a file whose root is <${top.name}>. Migrate a 4.x file (see the migration view); a 5.0 agent keeps <ossec_config>.`;
}
