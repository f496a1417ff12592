import { useId, useState } from 'react';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Dialog } from '../../components/dialog';
import { inputClass } from '../../components/field';
import { parseAgentIds, type TargetProfile } from '../../core';

export interface AgentIdsDialogProps {
  onClose: () => void;
  target: TargetProfile;
  /** The response's command, for the title. */
  command: string | undefined;
  /** The agent the response names now, offered as the first ID. */
  initial: string;
  onSpread: (ids: string[]) => void;
}

/** Asks for the agents that should each get this response, checked as the target reads agent_id. */
export function AgentIdsDialog({ onClose, target, command, initial, onSpread }: AgentIdsDialogProps) {
  const [text, setText] = useState(initial);
  const id = useId();
  const { ids, problems } = parseAgentIds(text, target);
  const ready = ids.length > 0 && problems.length === 0;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Run ${command ?? 'this response'} on several agents`}
      description="defined-agent takes one agent ID, so each agent gets its own copy of this response with the same trigger. AR Studio keeps them together as one group: an edit to the group changes every copy."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!ready}
            onClick={() => {
              onSpread(ids);
              onClose();
            }}
          >
            {ids.length > 1 ? `Create ${ids.length} responses` : 'Set the agent'}
          </Button>
        </>
      }
    >
      <div className="grid gap-2">
        <label htmlFor={id} className="text-[13px] font-medium text-zinc-800 dark:text-zinc-200">
          Agent IDs
        </label>
        <textarea
          id={id}
          rows={3}
          className={cx(inputClass, 'h-auto py-1.5 font-mono text-[13px]')}
          value={text}
          spellCheck={false}
          placeholder="001, 002, 003"
          aria-invalid={problems.length > 0 ? true : undefined}
          aria-describedby={`${id}-help ${id}-problems`}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={`${id}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
          Separate them with commas, blanks or new lines. {target.label} reads each one as a number
          {target.agentIdZeroDropped ? ' and drops agent 0' : ''}.
        </p>
        <ul id={`${id}-problems`} className="grid gap-0.5 text-xs text-red-700 dark:text-red-400">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        {ready && ids.length > 1 && (
          <p className="text-[13px] text-zinc-700 dark:text-zinc-300" data-testid="spread-preview">
            {ids.length} responses, for agents {ids.join(', ')}. They write the same ar.conf line, once per
            response.
          </p>
        )}
      </div>
    </Dialog>
  );
}
