import { type ResponseModel, reachesCommandLookup } from '../../derive/analysisd';
import { lastField, valueProblem } from '../../model/fields';
import type { BlockSpec, Diagnostic, Fix } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import type { TargetProfile } from '../../targets/target';
import { closest } from '../edit-distance';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** A `<command>` for a name nothing defines: the stock one if there is one, else a script of that name. */
function newCommand(name: string, r: ResponseModel, target: TargetProfile): BlockSpec {
  const stock = target.stockCommands.find((s) => s.name === name);
  const executable = stock?.executable ?? (target.scripts === 'wazuh42' ? name : `${name}.sh`);
  const fields = [
    { name: 'name', value: name },
    { name: 'executable', value: executable },
  ];
  if (target.expect !== 'ignored') fields.push({ name: 'expect', value: stock?.expect ?? '' });
  const allowed = stock ? stock.timeoutAllowed : r.timeout !== 0;
  fields.push({ name: 'timeout_allowed', value: allowed ? 'yes' : 'no' });
  return { kind: 'command', fields };
}

function fixFor(r: ResponseModel, ctx: RuleContext): Fix | undefined {
  const name = r.command ?? '';
  const index = r.block.index;
  if (r.definedBelow?.block) {
    return {
      title: `Move the '${name}' command above this response`,
      ops: [{ op: 'moveBlock', blockIndex: r.definedBelow.block.index, toIndex: index }],
    };
  }
  if (name === '') return undefined;
  const above = ctx.model.commands
    .filter((c) => c.block && c.block.index < index && c.name !== undefined)
    .map((c) => c.name as string);
  const near = closest(name, above);
  if (near !== undefined) {
    return {
      title: `Use the defined command '${near}'`,
      ops: [{ op: 'setField', blockIndex: index, field: 'command', value: near }],
    };
  }
  const created = newCommand(name, r, ctx.target);
  // Never create what the daemon refuses: a name starting with '!' (C8: refused from Wazuh 3.7, and agents
  // reject its ar.conf line before), or a value the file cannot carry (a trailing backslash, say).
  const refused =
    name.startsWith('!') || created.fields.some((f) => valueProblem(f.value, ctx.doc.encoding) !== null);
  if (refused) return undefined;
  return {
    title: `Create the command '${name}' above this response`,
    ops: [{ op: 'insertBlock', block: created, before: index }],
  };
}

/**
 * A2: the response names a command that no `<command>` above it defines. analysisd looks only at the
 * commands read so far (document order, across roots), so a command defined further down fails the
 * same way (1303; reference §4, §13). A fragment may rely on commands of the file it is pasted into:
 * a stock name is assumed to be there (info), anything else must be defined above where it goes.
 */
export const a2UnknownCommand: Rule = {
  code: 'A2',
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    for (const r of ctx.model.responses) {
      if (!reachesCommandLookup(r, ctx.target) || r.command === undefined) continue;
      const child = lastField(r.block, 'command');
      if (r.resolved) {
        if (!r.resolved.block) {
          found.push(
            diagnostic(ctx, 'A2', {
              severity: 'info',
              message: `'${r.command}' is not defined in this fragment; it is the stock ${ctx.target.label} command, which must sit above where the fragment is pasted.`,
              block: r.block,
              child,
            }),
          );
        }
        continue;
      }
      const inFragment = ctx.doc.shape === 'fragment' && !r.definedBelow;
      found.push(
        diagnostic(ctx, 'A2', {
          severity: inFragment ? 'warning' : 'error',
          message: r.definedBelow
            ? `The command '${r.command}' is defined below this response: the manager only knows the commands above, and refuses it.`
            : inFragment
              ? `'${r.command}' is not defined in this fragment: the ossec.conf it goes into must define it above it, or the manager refuses it.`
              : `No command named '${r.command}' is defined above this response: the manager refuses it.`,
          daemonMessage: daemonMessage(
            ctx.target,
            'analysisd',
            1303,
            `Invalid command '${r.command}' in the active response.`,
          ),
          block: r.block,
          child,
          fix: fixFor(r, ctx),
        }),
      );
    }
    return found;
  },
};
