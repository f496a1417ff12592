import { lastField } from '../../model/fields';
import type { Diagnostic } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * C10: a name or executable the manager accepts but that breaks on the way to the agent (reference §3,
 * §5.9): ar.conf separates fields with " - ", so a name or executable holding it is rejected by the agent
 * (1313); blanks are never trimmed, so a padded name only matches a reference padded the same way; an
 * empty name cannot be referenced on Wazuh 4.4+; `..` in an executable is refused by the agent.
 */
export const c10NameFormat: Rule = {
  code: 'C10',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    const agentRefuses = daemonMessage(
      ctx.target,
      'execd',
      1313,
      "Invalid active response config: 'shared/ar.conf'.",
    );
    for (const block of ctx.blocks) {
      if (block.kind !== 'command') continue;
      for (const element of ['name', 'executable']) {
        const child = lastField(block, element);
        if (!child) continue;
        const value = child.value;
        const report = (message: string, agent?: string) =>
          found.push(
            diagnostic(ctx, 'C10', { severity: 'warning', message, daemonMessage: agent, block, child }),
          );
        if (value.includes(' - ')) {
          report(
            `<${element}> contains " - ", the ar.conf field separator: agents reject the line.`,
            agentRefuses,
          );
        } else if (value !== value.trim()) {
          report(
            `<${element}> '${value}' has blanks around it: the daemon keeps them, so it only matches a value padded the same way.`,
          );
        } else if (/\s/.test(value)) {
          report(
            `<${element}> '${value}' contains blanks: agents split their messages on spaces, so keep names to letters, digits, '_', '.' and '-'.`,
          );
        } else if (value === '') {
          report(
            element === 'name'
              ? 'The command name is empty: no response can use it on Wazuh 4.4+, and the ar.conf key is just the timeout.'
              : 'The executable is empty: there is nothing for the agent to run.',
          );
        } else if (element === 'executable' && value.includes('..')) {
          report(
            `The executable '${value}' contains '..': agents ignore it as a directory traversal attack.`,
          );
        }
      }
    }
    return found;
  },
};
