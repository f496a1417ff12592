/**
 * The agent-side companion of a deployment: the `<active-response>` settings each agent's execd reads from
 * its own ossec.conf — `disabled` and `repeated_offenders` (reference §2, §5.6–§5.8) — and where this
 * document puts them instead, when that is somewhere execd never looks.
 */

import { locationBits } from '../derive/analysisd';
import { execdView } from '../derive/execd';
import { fieldsNamed, fieldValue } from '../model/fields';
import type { Block, BlockChild, ConfigDocument } from '../model/types';
import { type RoleOption, resolveRole } from '../targets/role';
import type { TargetProfile } from '../targets/target';
import { positionAt } from '../xml/positions';
import { printBlock } from '../xml/print';

export interface MisplacedSetting {
  /** `manager-file`: analysisd's file, whose execd only serves the manager's own responses; `agent-conf`: never read by execd. */
  where: 'manager-file' | 'agent-conf';
  element: 'disabled' | 'repeated_offenders';
  value: string;
  blockIndex: number;
  line: number;
  message: string;
}

export interface AgentSettings {
  disabled: string;
  repeatedOffenders?: string;
  /** Where the values come from: this agent file as execd reads it, settings found elsewhere, or the default. */
  origin: 'agent-file' | 'moved' | 'default';
  /** The `<active-response>` block alone, to paste into an agent's existing `<ossec_config>`. */
  block: string;
  /** A whole file holding only that block. */
  file: string;
  misplaced: MisplacedSetting[];
  notes: string[];
}

const UNIT = '  ';

function printSettings(
  disabled: string,
  repeatedOffenders: string | undefined,
): { block: string; file: string } {
  const fields = [{ name: 'disabled', value: disabled }];
  if (repeatedOffenders !== undefined) fields.push({ name: 'repeated_offenders', value: repeatedOffenders });
  const spec = { kind: 'active-response' as const, fields };
  const block = `${printBlock(spec, '', UNIT, '\n')}\n`;
  const file = `<ossec_config>\n${UNIT}${printBlock(spec, UNIT, UNIT, '\n')}\n</ossec_config>\n`;
  return { block, file };
}

function found(doc: ConfigDocument, block: Block, child: BlockChild, where: MisplacedSetting['where']) {
  const element = child.name as MisplacedSetting['element'];
  const line = positionAt(doc.text, child.start).line;
  const message =
    where === 'agent-conf'
      ? `<${element}>${child.value}</${element}> at line ${line} is in agent.conf: execd reads only each agent's own ossec.conf, so it has no effect there.`
      : element === 'repeated_offenders'
        ? `<repeated_offenders>${child.value}</repeated_offenders> at line ${line} is in the manager's file: agents never read it there (only the manager's own execd does, for the responses it runs itself). Put it in each agent's ossec.conf.`
        : `<disabled>${child.value}</disabled> at line ${line} is in the manager's file: there it switches that response (or, last in the file, all of them) off on the manager; an agent's execd reads only its own ossec.conf.`;
  return { where, element, value: child.value, blockIndex: block.index, line, message };
}

/**
 * The settings to put in each agent's ossec.conf, and the places in this document that hold them where
 * execd does not read them: the manager's file (`repeated_offenders`, and `disabled` in an agent's lone
 * block) and a centralized agent.conf.
 */
export function agentSettings(doc: ConfigDocument, target: TargetProfile, role: RoleOption): AgentSettings {
  const notes: string[] = [];
  if (target.product === 'ossec') {
    notes.push(
      'OSSEC agents on Windows start with active response disabled: they need <disabled>no</disabled>.',
    );
  }
  if (doc.shape !== 'agent-config' && resolveRole(doc, role) === 'agent') {
    const view = execdView(doc, target);
    const disabled = view.disabled?.child.value ?? 'no';
    const repeated = view.offenders?.child.value;
    return {
      disabled,
      repeatedOffenders: repeated,
      origin: view.disabled || view.offenders ? 'agent-file' : 'default',
      ...printSettings(disabled, repeated),
      misplaced: [],
      notes,
    };
  }
  const where: MisplacedSetting['where'] = doc.shape === 'agent-config' ? 'agent-conf' : 'manager-file';
  const blocks = doc.blocks.filter(
    (b) => b.kind === 'active-response' && (where === 'agent-conf' ? !b.inConfigRoot : b.inConfigRoot),
  );
  // In the manager's file repeated_offenders is right when every response runs on the manager itself.
  const reachesAgents =
    where === 'agent-conf' ||
    blocks.some((b) => {
      const bits = locationBits(fieldValue(b, 'location') ?? '');
      return bits.local || bits.definedAgent || bits.all;
    });
  const misplaced: MisplacedSetting[] = [];
  for (const block of blocks) {
    if (reachesAgents) {
      for (const child of fieldsNamed(block, 'repeated_offenders'))
        misplaced.push(found(doc, block, child, where));
    }
    const lone = block.children.length > 0 && block.children.every((c) => c.name === 'disabled');
    // In the manager's file a per-response `disabled` means something to the manager; only an agent's lone block is misplaced.
    if (where === 'agent-conf' || lone) {
      for (const child of fieldsNamed(block, 'disabled')) misplaced.push(found(doc, block, child, where));
    }
  }
  const repeated = misplaced.find((m) => m.element === 'repeated_offenders')?.value;
  const disabled = misplaced.find((m) => m.element === 'disabled')?.value ?? 'no';
  return {
    disabled,
    repeatedOffenders: repeated,
    origin: misplaced.length > 0 ? 'moved' : 'default',
    ...printSettings(disabled, repeated),
    misplaced,
    notes,
  };
}
