import { useMemo } from 'react';
import {
  addGroupAgent,
  type ConfigDocument,
  fieldValue,
  findAgentGroups,
  groupOf,
  type ResponseSummary,
  removeGroup,
  removeGroupAgent,
  removeGroupField,
  setGroupField,
  spreadToAgents,
  type TargetProfile,
} from '../../core';
import type { AgentGroupPanelProps } from './agent-group-panel';

type EditResult = ConfigDocument | { doc: ConfigDocument; index: number };

/** The page's one way to change the document: one undo step per call, with a label for the status line. */
export type Edit = (
  change: (doc: ConfigDocument) => EditResult,
  label: string,
  coalesceKey?: string,
) => number | null;

export interface AgentGroupOptions {
  /** The document the form shows (the last one that read). */
  doc: ConfigDocument;
  selected: number | null;
  target: TargetProfile;
  responses: readonly ResponseSummary[];
  readOnly: boolean;
  edit: Edit;
  select: (blockIndex: number | null) => void;
}

/**
 * The group the selected response belongs to, and the edits that treat it as one: a field set in the form
 * goes to every member, the agents are added and removed here, and deleting the group's row deletes all
 * of it — each one step to undo.
 */
export function useAgentGroup({
  doc,
  selected,
  target,
  responses,
  readOnly,
  edit,
  select,
}: AgentGroupOptions) {
  const groups = useMemo(() => findAgentGroups(doc), [doc]);
  const block = selected === null ? undefined : doc.blocks[selected];
  const group = selected === null ? undefined : groupOf(groups, selected);
  const size = group?.members.length ?? 0;

  /** The group's edit for a form field, or false when the form's own single-block edit applies. */
  const setField = (element: string, value: string): boolean => {
    if (!group || element === 'agent_id') return false;
    edit(
      (d) => setGroupField(d, group, element, value),
      `Edited ${element} in ${size} responses`,
      `group:${group.members[0]}:${element}`,
    );
    return true;
  };
  const removeField = (element: string): boolean => {
    if (!group || element === 'agent_id') return false;
    edit((d) => removeGroupField(d, group, element), `Removed <${element}> from ${size} responses`);
    return true;
  };
  /** Deleting a group's row deletes every member. */
  const deleteRow = (blockIndex: number): boolean => {
    const row = groupOf(groups, blockIndex);
    if (!row || row.members[0] !== blockIndex) return false;
    edit(
      (d) => removeGroup(d, row),
      `Deleted ${row.members.length} responses (agents ${row.agents.join(', ')})`,
    );
    select(null);
    return true;
  };

  const panel: AgentGroupPanelProps | null =
    block?.kind === 'active-response' && selected !== null && block.inConfigRoot
      ? {
          group,
          target,
          command: fieldValue(block, 'command'),
          agentId: fieldValue(block, 'agent_id'),
          arConfLine: responses.find((r) => r.blockIndex === (group?.members[0] ?? selected))?.arConfLine,
          readOnly,
          onSpread: (ids) => {
            const first = selected;
            edit(
              (d) => {
                const { doc: next } = spreadToAgents(d, first, ids);
                return { doc: next, index: first };
              },
              ids.length > 1
                ? `Created ${ids.length} responses for agents ${ids.join(', ')}`
                : `Set agent ${ids[0]}`,
            );
          },
          onAddAgent: (id) => {
            if (group) edit((d) => addGroupAgent(d, group, id), `Added agent ${id} to the group`);
          },
          onRemoveAgent: (blockIndex) => {
            if (!group) return;
            const stays = group.members.find((m) => m !== blockIndex) ?? null;
            edit((d) => removeGroupAgent(d, group, blockIndex), 'Removed an agent from the group');
            // The first remaining member keeps the form; indexes after the removed block move up by one.
            select(stays === null ? null : stays > blockIndex ? stays - 1 : stays);
          },
        }
      : null;

  return { group, panel, setField, removeField, deleteRow };
}
