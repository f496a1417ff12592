import { isConfigRoot } from '../../model/read';
import type { Diagnostic, XmlElement } from '../../model/types';
import { type Daemon, invalidElement } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext, readerOf } from '../rule';

const BLOCK_NAMES = ['command', 'active-response'];
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/** `<Command>`, `<active_response>`, `<active‐response>` (U+2010): meant as a block, unknown to the daemon. */
function looksLikeBlock(name: string): boolean {
  // Folding keeps the length of a printable ASCII name: one of another length cannot fold to either.
  if (name.length !== 7 && name.length !== 15 && PRINTABLE_ASCII.test(name)) return false;
  const folded = name
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212_]/g, '-')
    .trim();
  return BLOCK_NAMES.includes(folded) && !BLOCK_NAMES.includes(name);
}

/** Who refuses the file first: analysisd on a manager, the agent daemon's configuration read on an agent. */
function refuser(ctx: RuleContext): Daemon {
  return ctx.role === 'manager' ? 'analysisd' : 'agentd';
}

/**
 * X3: an element the daemon does not know where it stands, which it refuses with (1230). `ReadConfig()`
 * walks the top-level elements of the file and takes only the root the target reads for the role
 * (`<ossec_config>`, or `<wazuh_config>` for a Wazuh 5.0 manager: `src/config/src/config.c@5.0`, reference
 * §1.6 and wazuh5 §1): a file without a root is refused at its first element, unless the admin gave it as a
 * snippet (DESIGN §2); an `<agent_config>` root is a centralized agent.conf, an info when the role is read
 * from the file and refused when the admin says the file is a manager's or an agent's ossec.conf. Inside the
 * root, a section meant as a block but spelt differently is refused too (§1.5: names are case-sensitive).
 */
export const x3InvalidElement: Rule = {
  code: 'X3',
  scope: 'document',
  outsideBlocks: true,
  check(ctx: RuleContext): Diagnostic[] {
    const { doc, target } = ctx;
    if (doc.shape === 'agent-config') return [agentConfig(ctx)];
    if (doc.shape === 'fragment') return ctx.snippet ? [] : [noRoot(ctx)];
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
            daemonMessage: invalidElement(target, refuser(ctx), top.name),
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

function agentConfig(ctx: RuleContext): Diagnostic {
  const root = ctx.doc.topLevel[0];
  if (!ctx.roleChosen) {
    return diagnostic(ctx, 'X3', {
      severity: 'info',
      message:
        'This is a centralized agent.conf (<agent_config>): analysisd and execd read only ossec.conf, so <command> and <active-response> here have no effect.',
      offset: root.start,
      endOffset: root.openEnd,
    });
  }
  return diagnostic(ctx, 'X3', {
    severity: 'error',
    message: `This is a centralized agent.conf (<agent_config> root), not an ossec.conf: ${ctx.role === 'manager' ? "a manager's" : "an agent's"} daemons read only <${ctx.target.roots[ctx.role]}> in ${configFile(ctx)} and refuse it.`,
    daemonMessage: invalidElement(ctx.target, refuser(ctx), root.name),
    offset: root.start,
    endOffset: root.openEnd,
  });
}

/** The file the daemon reads, as admins name it. */
function configFile(ctx: RuleContext): string {
  return ctx.target.roots[ctx.role] === 'wazuh_config' ? 'wazuh-manager.conf' : 'ossec.conf';
}

function noRoot(ctx: RuleContext): Diagnostic {
  const first = ctx.doc.topLevel[0];
  return diagnostic(ctx, 'X3', {
    severity: 'error',
    message: `This file has no <${ctx.target.roots[ctx.role]}> root: the daemon reads ${configFile(ctx)} only inside one and refuses the file at its first element, <${first.name}>. If it is a snippet to paste into an ossec.conf, ${ctx.snippetAdvice}.`,
    daemonMessage: invalidElement(ctx.target, refuser(ctx), first.name),
    offset: first.start,
    endOffset: first.openEnd,
    fix: { title: 'Read it as a snippet', ops: [{ op: 'readAs', snippet: true }] },
  });
}
