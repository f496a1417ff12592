import {
  type AgentGroup,
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

/**
 * The page's one way to change the document: one undo step per call, labelled for the status line; the
 * selection goes to `selectAfter`, else to the block a change returns, else stays. `null` when refused.
 */
export type Edit = (
  change: (doc: ConfigDocument) => EditResult,
  label: string,
  /** `groupsKept`: the edit cannot change which responses form agent groups. */
  options?: { coalesceKey?: string; selectAfter?: number | null; groupsKept?: boolean },
) => { doc: ConfigDocument; index: number | null } | null;

export interface AgentGroupOptions {
  /** The document the form shows (the last one that read). */
  doc: ConfigDocument;
  /** The document's agent groups, kept by the page between edits (finding them reads every block). */
  groups: readonly AgentGroup[];
  selected: number | null;
  target: TargetProfile;
  responses: readonly ResponseSummary[];
  readOnly: boolean;
  edit: Edit;
}

/**
 * The group the selected response belongs to, and the edits that treat it as one: a field set in the form
 * goes to every member, the agents are added and removed here, and deleting the group's row deletes all
 * of it — each one step to undo.
 */
export function useAgentGroup({
  doc,
  groups,
  selected,
  target,
  responses,
  readOnly,
  edit,
}: AgentGroupOptions) {
  const block = selected === null ? undefined : doc.blocks[selected];
  const group = selected === null ? undefined : groupOf(groups, selected);
  const size = group?.members.length ?? 0;

  /** The group's edit for a form field, or false when the form's own single-block edit applies. */
  const setField = (element: string, value: string): ReturnType<Edit> | false => {
    if (!group || element === 'agent_id') return false;
    return edit((d) => setGroupField(d, group, element, value), `Edited ${element} in ${size} responses`, {
      coalesceKey: `group:${group.members[0]}:${element}`,
      // Every member gets the same change: they still differ only by agent.
      groupsKept: true,
    });
  };
  const removeField = (element: string): boolean => {
    if (!group || element === 'agent_id') return false;
    edit((d) => removeGroupField(d, group, element), `Removed <${element}> from ${size} responses`, {
      groupsKept: true,
    });
    return true;
  };
  /** Deleting a group's row deletes every member. */
  const deleteRow = (blockIndex: number): boolean => {
    // Found afresh: the groups kept between edits may be a few keystrokes behind the text.
    const row = groupOf(findAgentGroups(doc), blockIndex);
    if (row?.members[0] !== blockIndex) return false;
    const left = doc.blocks.length - row.members.length;
    edit(
      (d) => removeGroup(d, row),
      `Deleted ${row.members.length} responses (agents ${row.agents.join(', ')})`,
      {
        selectAfter: left > 0 ? Math.min(blockIndex, left - 1) : null,
      },
    );
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
            edit(
              (d) => spreadToAgents(d, selected, ids).doc,
              ids.length > 1
                ? `Created ${ids.length} responses for agents ${ids.join(', ')}`
                : `Set agent ${ids[0]}`,
              { selectAfter: selected },
            );
          },
          onAddAgent: (id) => {
            if (group) {
              edit((d) => addGroupAgent(d, group, id).doc, `Added agent ${id} to the group`, {
                selectAfter: selected,
              });
            }
          },
          onRemoveAgent: (blockIndex) => {
            if (!group) return;
            // The first remaining member keeps the form; indexes after the removed block move up by one.
            const stays = group.members.find((m) => m !== blockIndex) ?? null;
            edit((d) => removeGroupAgent(d, group, blockIndex), 'Removed an agent from the group', {
              selectAfter: stays === null ? null : stays > blockIndex ? stays - 1 : stays,
            });
          },
        }
      : null;

  return { group, panel, setField, removeField, deleteRow };
}
