import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Badge } from '../../components/badge';
import { cx } from '../../components/cx';
import { inputClass } from '../../components/field';
import { focusRing } from '../../components/focus-ring';
import {
  type Alert,
  type ConfigDocument,
  fileResponsesAbsence,
  type SimulatedResponse,
  simulate,
  type TargetProfile,
} from '../../core';

export interface SimulatorPanelProps {
  doc: ConfigDocument;
  target: TargetProfile;
  blockLabel: (blockIndex: number) => string;
  onSelect: (blockIndex: number) => void;
}

interface AlertInput {
  ruleId: string;
  level: string;
  groups: string;
  agentId: string;
  srcip: string;
}

/** An SSH brute-force alert from an agent: a typical first question ("does my block fire on this?"). */
const EXAMPLE: AlertInput = {
  ruleId: '5712',
  level: '10',
  groups: 'syslog,sshd,authentication_failures,',
  agentId: '001',
  srcip: '203.0.113.7',
};

/** The alert as the manager sees it, or why the input is not one yet. */
function toAlert(input: AlertInput): Alert | string {
  if (!/^\d+$/.test(input.ruleId)) return 'The rule ID is a number, for example 5712.';
  if (!/^\d+$/.test(input.level) || Number(input.level) > 16)
    return 'The rule level is a number from 0 to 16.';
  return {
    ruleId: Number(input.ruleId),
    level: Number(input.level),
    groups: input.groups,
    agentId: input.agentId.trim() === '' ? undefined : input.agentId.trim(),
    srcip: input.srcip === '' ? undefined : input.srcip,
  };
}

/**
 * Plays one alert through the document as the target manager would: which responses fire, on which hosts
 * and for how long. What it types is an alert, not the document, so it stays in local state.
 */
export function SimulatorPanel({ doc, target, blockLabel, onSelect }: SimulatorPanelProps) {
  const [input, setInput] = useState<AlertInput>(EXAMPLE);
  const alert = useMemo(() => toAlert(input), [input]);
  // Typing in a large file must not wait for the simulation.
  const settled = useDeferredValue(doc);
  const absence = fileResponsesAbsence(target);
  const result = useMemo(
    () =>
      typeof alert === 'string' || settled.xmlError || absence ? null : simulate(settled, alert, target),
    [settled, alert, target, absence],
  );
  const set = (key: keyof AlertInput) => (value: string) =>
    setInput((current) => ({ ...current, [key]: value }));
  return (
    <section aria-labelledby="simulator-title" className="flex h-full min-h-0 flex-col">
      <header className="flex h-9 shrink-0 items-center gap-3 border-b border-zinc-200 px-3 dark:border-zinc-800">
        <h2
          id="simulator-title"
          className="text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300"
        >
          Simulate an alert
        </h2>
        <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">as {target.label} would</span>
      </header>
      <div className="grid shrink-0 grid-cols-[5.5rem_5rem_1fr] gap-2 border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
        <AlertField label="Alert rule" value={input.ruleId} onChange={set('ruleId')} inputMode="numeric" />
        <AlertField label="Alert level" value={input.level} onChange={set('level')} inputMode="numeric" />
        <AlertField label="Alert groups" value={input.groups} onChange={set('groups')} />
        <AlertField
          label="From agent"
          value={input.agentId}
          onChange={set('agentId')}
          placeholder="manager"
        />
        <div className="col-span-2">
          <AlertField label="Source IP" value={input.srcip} onChange={set('srcip')} placeholder="none" />
        </div>
      </div>
      <div className="relative min-h-0 flex-1 overflow-auto" aria-live="polite">
        {absence && <Note>{`${absence} The simulator is off for this target.`}</Note>}
        {typeof alert === 'string' && <Note>{alert}</Note>}
        {typeof alert !== 'string' && doc.xmlError && <Note>The XML does not read, so nothing can run.</Note>}
        {result && result.responses.length === 0 && <Note>This file has no active response.</Note>}
        {result && (
          <ul>
            {result.responses.map((response) => (
              <ResponseRow
                key={response.blockIndex}
                response={response}
                label={blockLabel(response.blockIndex)}
                onSelect={() => onSelect(response.blockIndex)}
              />
            ))}
          </ul>
        )}
        {result?.notes.map((note) => (
          <Note key={note}>{note}</Note>
        ))}
      </div>
    </section>
  );
}

function AlertField({
  label,
  value,
  onChange,
  inputMode,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: 'numeric';
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="grid min-w-0 gap-0.5">
      <label htmlFor={id} className="text-[11px] font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <input
        id={id}
        className={cx(inputClass, 'h-7 text-xs')}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function ResponseRow({
  response,
  label,
  onSelect,
}: {
  response: SimulatedResponse;
  label: string;
  onSelect: () => void;
}) {
  const where = response.hosts.join(', ');
  const lasting = response.stateful ? `undone after ${response.timeout} s` : 'never undone';
  return (
    <li className="border-b border-zinc-100 px-3 py-1 dark:border-zinc-800/60">
      <button
        type="button"
        onClick={onSelect}
        className={cx(
          'grid w-full gap-0.5 rounded py-0.5 text-left text-[13px] hover:bg-zinc-100 dark:hover:bg-zinc-800/70',
          focusRing,
        )}
      >
        <span className="flex items-center gap-2">
          <Badge tone={response.fires ? 'green' : 'neutral'}>{response.fires ? 'fires' : 'idle'}</Badge>
          <span className="truncate font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
          {response.fires && (
            <span className="ml-auto shrink-0 text-xs text-zinc-700 dark:text-zinc-300">
              {where} · {lasting}
            </span>
          )}
        </span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          {response.reason}
          {response.offences &&
            ` Repeat offences: ${response.offences.map((s) => `${s / 60} min`).join(', ')}.`}
        </span>
      </button>
    </li>
  );
}

function Note({ children }: { children: string }) {
  return <p className="px-3 py-2 text-[13px] text-zinc-600 dark:text-zinc-400">{children}</p>;
}
