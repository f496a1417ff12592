/**
 * One response for a group of agents. `defined-agent` takes a single agent ID (reference §4, §9: the value
 * goes through `atoi`), so "the same response on agents 001, 002 and 003" is three `<active-response>`
 * blocks that differ only in `<agent_id>`. These operations write such a set as one document change and
 * recognise one in any file, so that the editor can show and edit it as a single group.
 */

import { locationBits } from '../derive/analysisd';
import { atoi } from '../derive/c-atoi';
import type { TargetProfile } from '../targets/target';
import { duplicateBlock, EditError, removeBlock, removeField, setField } from './edit';
import { fieldsNamed, fieldValue } from './fields';
import type { Block, ConfigDocument } from './types';

export interface AgentGroup {
  /** The members' block indexes, in document order (consecutive or not). */
  members: number[];
  /** Each member's `<agent_id>` as written, in the same order. */
  agents: string[];
}

const AGENT = 'agent_id';

/**
 * What a member shares with the others: every child but `<agent_id>`, names and values in order. Only a
 * block the daemon reads, with `defined-agent` and exactly one numeric `<agent_id>`, can be a member.
 */
function signature(block: Block): string | null {
  if (block.kind !== 'active-response' || !block.inConfigRoot) return null;
  const ids = fieldsNamed(block, AGENT);
  if (ids.length !== 1 || !/^\d+$/.test(ids[0].value)) return null;
  if (!locationBits(fieldValue(block, 'location') ?? '').definedAgent) return null;
  return JSON.stringify(block.children.filter((c) => c.name !== AGENT).map((c) => [c.name, c.value]));
}

/**
 * Every set of two or more responses that are identical but for their agent. A second block for an agent
 * already in the set (the same response twice) stays outside it: it is a duplicate, not a member.
 */
export function findAgentGroups(doc: ConfigDocument): AgentGroup[] {
  const bySignature = new Map<string, Block[]>();
  for (const block of doc.blocks) {
    const key = signature(block);
    if (key === null) continue;
    const list = bySignature.get(key);
    if (list) list.push(block);
    else bySignature.set(key, [block]);
  }
  const groups: AgentGroup[] = [];
  for (const blocks of bySignature.values()) {
    const seen = new Set<number>();
    const members = blocks.filter((block) => {
      const id = atoi(fieldValue(block, AGENT) ?? '');
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (members.length < 2) continue;
    groups.push({
      members: members.map((b) => b.index),
      agents: members.map((b) => fieldValue(b, AGENT) ?? ''),
    });
  }
  return groups.sort((a, b) => a.members[0] - b.members[0]);
}

export function groupOf(groups: readonly AgentGroup[], blockIndex: number): AgentGroup | undefined {
  return groups.find((g) => g.members.includes(blockIndex));
}

/**
 * Agent IDs as an admin types them (separated by commas, blanks or new lines), each checked the way the
 * target's analysisd reads `<agent_id>`: digits only, not the manager's 0 where `defined-agent` drops it
 * (1306, Wazuh 4.3+), and no agent twice (`001` and `1` are the same agent).
 */
export function parseAgentIds(text: string, target: TargetProfile): { ids: string[]; problems: string[] } {
  const ids: string[] = [];
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    if (!/^\d+$/.test(token)) {
      problems.push(`'${token}' is not an agent ID: digits only, for example 001.`);
      continue;
    }
    const id = atoi(token);
    if (id === 0 && target.agentIdZeroDropped) {
      problems.push(
        `'${token}' is agent 0, the manager: ${target.label} drops a defined-agent response for it (1306). Use location server to run on the manager.`,
      );
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push(`'${token}' is the same agent as '${earlier}'.`);
      continue;
    }
    seen.set(id, token);
    ids.push(token);
  }
  return { ids, problems };
}

function responseAt(doc: ConfigDocument, blockIndex: number): Block {
  const block = doc.blocks[blockIndex];
  if (block?.kind !== 'active-response') throw new EditError(`Block ${blockIndex} is not a response.`);
  if (!block.inConfigRoot)
    throw new EditError('The daemon does not read this response: it is not in <ossec_config>.');
  return block;
}

function setAgent(doc: ConfigDocument, blockIndex: number, id: string): ConfigDocument {
  // A repeated <agent_id> would keep the earlier ones in every copy; the daemon uses the last.
  const current =
    fieldsNamed(doc.blocks[blockIndex], AGENT).length > 1 ? removeField(doc, blockIndex, AGENT) : doc;
  return setField(current, blockIndex, AGENT, id);
}

/** Copies of member `after`, one per ID, each right after the previous; returns their indexes. */
function addCopies(
  doc: ConfigDocument,
  after: number,
  ids: readonly string[],
): { doc: ConfigDocument; added: number[] } {
  let current = doc;
  let last = after;
  const added: number[] = [];
  for (const id of ids) {
    const copy = duplicateBlock(current, last);
    current = setAgent(copy.doc, copy.index, id);
    last = copy.index;
    added.push(copy.index);
  }
  return { doc: current, added };
}

/**
 * The response at `blockIndex`, with the same trigger, once per agent: it becomes `defined-agent` for the
 * first ID and copies of its own text follow it for the others. One document change; every byte outside
 * the response and its copies stays as it was.
 */
export function spreadToAgents(
  doc: ConfigDocument,
  blockIndex: number,
  ids: readonly string[],
): { doc: ConfigDocument; members: number[] } {
  const block = responseAt(doc, blockIndex);
  if (ids.length === 0) throw new EditError('Give at least one agent ID.');
  let current = doc;
  if (fieldValue(block, 'location') !== 'defined-agent')
    current = setField(current, blockIndex, 'location', 'defined-agent');
  current = setAgent(current, blockIndex, ids[0]);
  const { doc: next, added } = addCopies(current, blockIndex, ids.slice(1));
  return { doc: next, members: [blockIndex, ...added] };
}

/** Set one field in every member: an edit of the group is one document change. */
export function setGroupField(
  doc: ConfigDocument,
  group: AgentGroup,
  field: string,
  value: string,
): ConfigDocument {
  if (field === AGENT)
    throw new EditError('Each member keeps its own agent_id: add or remove agents instead.');
  return group.members.reduce((current, index) => setField(current, index, field, value), doc);
}

export function removeGroupField(doc: ConfigDocument, group: AgentGroup, field: string): ConfigDocument {
  if (field === AGENT)
    throw new EditError('Each member keeps its own agent_id: add or remove agents instead.');
  return group.members.reduce((current, index) => removeField(current, index, field), doc);
}

/** One more member, a copy of the last one, for agent `id`. */
export function addGroupAgent(
  doc: ConfigDocument,
  group: AgentGroup,
  id: string,
): { doc: ConfigDocument; index: number } {
  const last = group.members[group.members.length - 1];
  const { doc: next, added } = addCopies(doc, last, [id]);
  return { doc: next, index: added[0] };
}

export function removeGroupAgent(doc: ConfigDocument, group: AgentGroup, blockIndex: number): ConfigDocument {
  if (!group.members.includes(blockIndex)) throw new EditError(`Block ${blockIndex} is not in this group.`);
  return removeBlock(doc, blockIndex);
}

/** Every member, last first so that the earlier indexes stay valid. */
export function removeGroup(doc: ConfigDocument, group: AgentGroup): ConfigDocument {
  return group.members.toReversed().reduce((current, index) => removeBlock(current, index), doc);
}
