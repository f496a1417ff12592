import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/**
 * A17: `ca_store`/`ca_verification` in an agent's `<active-response>`. Wazuh 3.x execd read them
 * (ca_verification from 3.3, a bad value only warned); from 4.1 the agent-upgrade module reads them as a
 * deprecated location, and a bad ca_verification value fails its configuration (reference §2, §4).
 */
export const a17CaOnAgent: Rule = {
  code: 'A17',
  scope: 'block',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'agent') return [];
    const { target } = ctx;
    const found: Diagnostic[] = [];
    for (const block of ctx.blocks) {
      if (block.kind !== 'active-response') continue;
      for (const child of block.children) {
        if (child.name !== 'ca_store' && child.name !== 'ca_verification') continue;
        const reader = child.name === 'ca_store' ? target.agentCaStore : target.agentCaVerification;
        const badValue = child.name === 'ca_verification' && !/^(yes|no)$/i.test(child.value);
        const report = (severity: Diagnostic['severity'], message: string, daemon?: string) =>
          found.push(diagnostic(ctx, 'A17', { severity, message, daemonMessage: daemon, block, child }));
        if (reader === 'unread') {
          report('info', `${target.label} agents do not read <${child.name}> here: it has no effect.`);
        } else if (badValue) {
          const fatal = reader === 'agent-upgrade-error';
          report(
            fatal ? 'error' : 'warning',
            `<ca_verification> must be yes or no: ${fatal ? 'the agent-upgrade module refuses its configuration' : 'execd ignores the value'}.`,
            `Invalid content for tag <ca_verification>: '${child.value}'`,
          );
        } else if (reader === 'agent-upgrade-legacy' || reader === 'agent-upgrade-error') {
          report(
            'info',
            `<${child.name}> inside <active-response> is the deprecated location since Wazuh 4.1: move it to <agent-upgrade>.`,
          );
        }
      }
    }
    return found;
  },
};
