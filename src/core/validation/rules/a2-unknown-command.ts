import { type ResponseModel, reachesCommandLookup } from '../../derive/analysisd';
import { fieldValue, lastField, valueProblem } from '../../model/fields';
import type { BlockSpec, Diagnostic, DocumentOp, Fix } from '../../model/types';
import { daemonMessage } from '../../targets/messages';
import type { TargetProfile } from '../../targets/target';
import { positionAt } from '../../xml/positions';
import { closest } from '../edit-distance';
import { moveOutFix, moveTextOps, nestedGroups, readAsDefinition } from '../nested-definitions';
import { diagnostic, type Rule, type RuleContext } from '../rule';

/** A `<command>` for a name nothing defines: the stock one if there is one, else a script of that name. */
function newCommand(name: string, responses: readonly ResponseModel[], target: TargetProfile): BlockSpec {
  const stock = target.stockCommands.find((s) => s.name === name);
  const executable = stock?.executable ?? (target.scripts === 'wazuh42' ? name : `${name}.sh`);
  const fields = [
    { name: 'name', value: name },
    { name: 'executable', value: executable },
  ];
  if (target.expect !== 'ignored') fields.push({ name: 'expect', value: stock?.expect ?? '' });
  // Every response that will find it counts: one with a timeout needs timeout_allowed yes (A14).
  const timed = responses.some((x) => x.command === name && x.timeout !== 0);
  const allowed = timed || (stock?.timeoutAllowed ?? false);
  fields.push({ name: 'timeout_allowed', value: allowed ? 'yes' : 'no' });
  return { kind: 'command', fields };
}

/** A definition of the name that the daemon does not read where it stands: nested, or outside the root. */
interface Elsewhere {
  message: string;
  fix?: Fix;
}

function definedElsewhere(r: ResponseModel, ctx: RuleContext): Elsewhere | undefined {
  const name = r.command ?? '';
  const lineOf = (offset: number) => positionAt(ctx.doc.text, offset).line;
  const group = nestedGroups(ctx).find((g) => g.names.includes(name));
  if (group) {
    return {
      message: `'${name}' is defined only inside the <${group.container.name}> on line ${lineOf(group.container.start)}, where the manager does not read it as a definition: it refuses this response.`,
      fix: moveOutFix(ctx, group),
    };
  }
  const stray = ctx.doc.blocks.find(
    (b) => b.kind === 'command' && !b.inConfigRoot && fieldValue(b, 'name') === name,
  );
  if (stray) {
    return {
      message: `'${name}' is defined on line ${lineOf(stray.start)}, outside <ossec_config>, where the manager does not read it: it refuses this response.`,
      fix: readAsDefinition(stray, ctx)
        ? {
            title: `Move the '${name}' command above this response`,
            ops: moveTextOps(ctx.doc, stray, r.block.start),
          }
        : undefined,
    };
  }
  return undefined;
}

/**
 * The one-click answer. A definition the file already holds is used or moved, never replaced by an
 * invented one: one further down moves up, one the daemon does not read where it stands moves in.
 */
function fixFor(r: ResponseModel, ctx: RuleContext, elsewhere: Elsewhere | undefined): Fix | undefined {
  const name = r.command ?? '';
  const index = r.block.index;
  // On targets that refuse a timeout on a command without timeout_allowed yes (A14), a response with a
  // timeout may only be pointed at a command that allows one.
  const needsTimeout = r.timeout !== 0 && ctx.target.timeoutWithoutAllowed === 'fatal';
  if (r.definedBelow?.block) {
    const move: DocumentOp = { op: 'moveBlock', blockIndex: r.definedBelow.block.index, toIndex: index };
    if (needsTimeout && !r.definedBelow.timeoutAllowed) {
      return {
        title: `Move the '${name}' command above this response and allow a timeout on it`,
        ops: [move, { op: 'setField', blockIndex: index, field: 'timeout_allowed', value: 'yes' }],
      };
    }
    return { title: `Move the '${name}' command above this response`, ops: [move] };
  }
  if (elsewhere) return elsewhere.fix;
  if (name === '') return undefined;
  const above = ctx.model.commands.filter((c) => c.block && c.block.index < index && c.name !== undefined);
  const near = closest(
    name,
    above.map((c) => c.name as string),
  );
  if (near !== undefined) {
    const use: DocumentOp = { op: 'setField', blockIndex: index, field: 'command', value: near };
    const command = above.find((c) => c.name === near);
    if (needsTimeout && command?.block && !command.timeoutAllowed) {
      return {
        title: `Use the defined command '${near}' and allow a timeout on it`,
        ops: [
          use,
          { op: 'setField', blockIndex: command.block.index, field: 'timeout_allowed', value: 'yes' },
        ],
      };
    }
    return { title: `Use the defined command '${near}'`, ops: [use] };
  }
  const created = newCommand(name, ctx.model.responses, ctx.target);
  // Never create what the daemon refuses: a name starting with '!' (C8: refused from Wazuh 3.7, and agents
  // reject its ar.conf line before), or a value the file cannot carry (a trailing backslash, say).
  const refused =
    name.startsWith('!') || created.fields.some((f) => valueProblem(f.value, ctx.doc.encoding) !== null);
  if (refused) return undefined;
  // Above the first response that names it: placed lower, it would be defined below that one (an error).
  const first = ctx.model.responses.find((x) => x.command === name)?.block.index ?? index;
  return {
    title: `Create the command '${name}' above ${first === index ? 'this response' : 'the first response that uses it'}`,
    ops: [{ op: 'insertBlock', block: created, before: first }],
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
  scope: 'facts',
  wideFacts: true,
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.role !== 'manager') return [];
    const found: Diagnostic[] = [];
    // A response holding definitions is C12's: its <command> is their text, not a name.
    const holders = new Set(nestedGroups(ctx).map((g) => g.blockIndex));
    for (const r of ctx.responses) {
      if (!reachesCommandLookup(r, ctx.target) || r.command === undefined) continue;
      if (holders.has(r.block.index)) continue;
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
      const elsewhere = r.definedBelow ? undefined : definedElsewhere(r, ctx);
      const inFragment = ctx.snippet && !r.definedBelow && !elsewhere;
      found.push(
        diagnostic(ctx, 'A2', {
          severity: inFragment ? 'warning' : 'error',
          message: r.definedBelow
            ? `The command '${r.command}' is defined below this response: the manager only knows the commands above, and refuses it.`
            : elsewhere
              ? elsewhere.message
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
          fix: fixFor(r, ctx, elsewhere),
        }),
      );
    }
    return found;
  },
};
