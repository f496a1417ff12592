import { useId, useState } from 'react';
import { Badge } from '../../components/badge';
import { Button, IconButton } from '../../components/button';
import { cx } from '../../components/cx';
import { inputClass } from '../../components/field';
import { Icon } from '../../components/icon';
import { type AgentGroup, parseAgentIds, type TargetProfile } from '../../core';
import { AgentIdsDialog } from './agent-ids-dialog';

export interface AgentGroupPanelProps {
  /** The group the selected response belongs to, if any. */
  group: AgentGroup | undefined;
  target: TargetProfile;
  command: string | undefined;
  /** The selected response's agent_id, offered as the first of a new group. */
  agentId: string | undefined;
  /** The ar.conf line every member writes, when the manager accepts the response. */
  arConfLine: string | undefined;
  readOnly: boolean;
  onSpread: (ids: string[]) => void;
  onAddAgent: (id: string) => void;
  onRemoveAgent: (blockIndex: number) => void;
}

const panel =
  'rounded-md border border-zinc-200 bg-zinc-50 p-3 text-[13px] dark:border-zinc-800 dark:bg-zinc-950/40';

/**
 * Above a response's form: the agents it runs on. A response of a group lists the group's agents, takes
 * more and lets one go; any other response offers to become a group.
 */
export function AgentGroupPanel(props: AgentGroupPanelProps) {
  const [asking, setAsking] = useState(false);
  const { group, target, command, agentId, readOnly } = props;
  if (!group) {
    return (
      <div className="-mb-2 flex justify-end" data-testid="agent-group">
        <Button
          size="sm"
          variant="ghost"
          icon={<Icon name="copy" className="size-3.5" />}
          title="defined-agent takes one agent ID: AR Studio writes one copy of this response per agent and keeps them together as one group"
          disabled={readOnly}
          onClick={() => setAsking(true)}
        >
          Run on several agents…
        </Button>
        {asking && (
          <AgentIdsDialog
            onClose={() => setAsking(false)}
            target={target}
            command={command}
            initial={agentId !== undefined && /^\d+$/.test(agentId) ? agentId : ''}
            onSpread={props.onSpread}
          />
        )}
      </div>
    );
  }
  return <GroupMembers {...props} group={group} />;
}

function GroupMembers({
  group,
  target,
  arConfLine,
  readOnly,
  onAddAgent,
  onRemoveAgent,
}: AgentGroupPanelProps & { group: AgentGroup }) {
  const [text, setText] = useState('');
  const id = useId();
  const taken = group.agents.join(' ');
  // The new ID is checked together with the members', so a second copy for an agent already there is refused.
  const { ids, problems } = parseAgentIds(`${taken} ${text}`, target);
  const fresh = ids.slice(group.agents.length);
  const problem =
    text.trim() === '' ? null : (problems[0] ?? (fresh.length !== 1 ? 'Add one agent at a time.' : null));
  const add = () => {
    if (problem || fresh.length !== 1) return;
    onAddAgent(fresh[0]);
    setText('');
  };
  return (
    <section aria-labelledby={`${id}-title`} className={cx(panel, 'grid gap-2')} data-testid="agent-group">
      <div className="flex items-center gap-2">
        <h3 id={`${id}-title`} className="font-semibold">
          Agent group
        </h3>
        <Badge tone="violet">{group.members.length} responses</Badge>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          one per agent, identical but for agent_id
        </span>
      </div>
      <ul aria-label="Agents in this group" className="flex flex-wrap gap-1.5">
        {group.agents.map((agent, i) => (
          <li
            key={group.members[i]}
            className="inline-flex h-6 items-center gap-0.5 rounded border border-zinc-300 bg-white pr-0.5 pl-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          >
            {agent}
            <IconButton
              size="sm"
              className="size-5"
              label={`Remove agent ${agent}`}
              icon={<Icon name="x" className="size-3" />}
              disabled={readOnly}
              onClick={() => onRemoveAgent(group.members[i])}
            />
          </li>
        ))}
      </ul>
      <div className="flex items-start gap-2">
        <div className="grid gap-1">
          <label htmlFor={id} className="sr-only">
            Agent ID to add
          </label>
          <input
            id={id}
            className={cx(inputClass, 'h-7 w-32 font-mono text-xs')}
            placeholder="Agent ID"
            inputMode="numeric"
            value={text}
            disabled={readOnly}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          {problem && (
            <p id={`${id}-problem`} className="max-w-sm text-xs text-red-700 dark:text-red-400">
              {problem}
            </p>
          )}
        </div>
        <Button
          size="sm"
          icon={<Icon name="plus" className="size-3.5" />}
          disabled={readOnly || problem !== null || fresh.length !== 1}
          onClick={add}
        >
          Add agent
        </Button>
      </div>
      <p className="text-xs leading-snug text-zinc-600 dark:text-zinc-400">
        A change in the form below applies to all {group.members.length} responses, as one step to undo.
        {arConfLine && (
          <>
            {' '}
            Each writes the same ar.conf line,{' '}
            <code className="font-mono text-zinc-800 dark:text-zinc-200">{arConfLine}</code>: agents keep the
            first, and agent_control or the API run it by that one name on any of these agents.
          </>
        )}
      </p>
    </section>
  );
}
