import { useId, useState } from 'react';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import {
  agentOffendersSnippet,
  type OffenceStep,
  offenceTimeline,
  readOffenders,
  type Simulation,
  type TargetProfile,
} from '../../core';
import { SmallField, smallInputClass, smallSelectClass } from './small-field';

const PACES = [
  { value: 'lifted', label: 'as soon as the block is lifted', seconds: null },
  { value: '60', label: 'every minute', seconds: 60 },
  { value: '300', label: 'every 5 minutes', seconds: 300 },
  { value: '900', label: 'every 15 minutes', seconds: 900 },
  { value: '3600', label: 'every hour', seconds: 3600 },
] as const;

/** `1 h 30 min`, `10 min 1 s`, `45 s`. */
export function duration(seconds: number): string {
  if (seconds <= 0) return '0 s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean).join(' ');
}

/** Time since the first offence, as h:mm:ss. */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function why(step: OffenceStep, timeout: number): string {
  if (step.from.kind === 'timeout') return `the response's timeout (${timeout} s)`;
  const { entry, minutes, pastTheList } = step.from;
  return pastTheList
    ? `past the list: entry ${entry} again (${minutes} min)`
    : `entry ${entry}: ${minutes} min × 60`;
}

/**
 * One source IP offending again and again: when each block starts and is lifted, as execd counts. The
 * repeat-offender list is the one the host that runs the response reads: an agent's own ossec.conf, or
 * this file when the manager runs it.
 */
export function OffenderTimeline({
  simulation,
  target,
  blockLabel,
}: {
  simulation: Simulation;
  target: TargetProfile;
  blockLabel: (blockIndex: number) => string;
}) {
  const stateful = simulation.responses.filter((r) => r.stateful);
  const [chosen, setChosen] = useState<number | null>(null);
  const [count, setCount] = useState('4');
  const [pace, setPace] = useState<string>('lifted');
  const [list, setList] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const ids = { response: useId(), count: useId(), pace: useId(), list: useId(), listHelp: useId() };

  if (stateful.length === 0)
    return (
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        No response in this file is undone after a timeout, so there is no block to repeat. A response needs a
        &lt;timeout&gt; and a command with timeout_allowed yes.
      </p>
    );
  const response = stateful.find((r) => r.blockIndex === chosen) ?? stateful[0];
  const onManager = response.runsOn === 'manager';
  const value = list ?? simulation.managerOffenders ?? '';
  const { minutes, stored } = readOffenders(value, target);
  const offences = Math.min(Math.max(Number.parseInt(count, 10) || 1, 1), 50);
  const every = PACES.find((p) => p.value === pace)?.seconds ?? null;
  const steps = offenceTimeline({ timeout: response.timeout, minutes, count: offences, every });
  const agentSide = agentOffendersSnippet(value || '30,60,120', target);

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-x-2 gap-y-1.5">
        <SmallField id={ids.response} className="min-w-[12rem] flex-[2_1_12rem]" label="Response">
          <select
            id={ids.response}
            className={smallSelectClass}
            value={response.blockIndex}
            onChange={(event) => setChosen(Number(event.target.value))}
          >
            {stateful.map((r) => (
              <option key={r.blockIndex} value={r.blockIndex}>
                {blockLabel(r.blockIndex)} · {r.timeout} s
              </option>
            ))}
          </select>
        </SmallField>
        <SmallField id={ids.count} className="w-20" label="Offences">
          <input
            id={ids.count}
            className={smallInputClass}
            type="number"
            min={1}
            max={50}
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
        </SmallField>
        <SmallField
          id={ids.list}
          className="min-w-[12rem] flex-[2_1_12rem]"
          label={
            onManager
              ? "repeated_offenders (this file's, minutes)"
              : "The agent's repeated_offenders (minutes)"
          }
        >
          <input
            id={ids.list}
            className={smallInputClass}
            value={value}
            placeholder="30,60,120"
            spellCheck={false}
            aria-describedby={ids.listHelp}
            onChange={(event) => setList(event.target.value)}
          />
        </SmallField>
        <SmallField id={ids.pace} className="min-w-[10rem] flex-[1_1_10rem]" label="Comes back">
          <select
            id={ids.pace}
            className={smallSelectClass}
            value={pace}
            onChange={(event) => setPace(event.target.value)}
          >
            {PACES.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </SmallField>
      </div>
      <p id={ids.listHelp} className="text-xs text-zinc-600 dark:text-zinc-400">
        {value.trim() === ''
          ? "Empty: execd keeps no count, so every block lasts the response's timeout."
          : minutes.length === 0
            ? 'execd reads a first entry of 0 (or no number): repeat-offender timeouts are off.'
            : `execd reads ${minutes.join(', ')} min${stored.length > minutes.length ? ` (it stops at the 0 in entry ${minutes.length + 1})` : ''}; past the list the last entry repeats.`}
      </p>
      <div className="overflow-x-auto">
        <table
          className="w-full min-w-[26rem] text-left text-xs tabular-nums"
          aria-label="Repeat-offence timeline"
        >
          <thead className="text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-0.5 pr-2 font-medium">
                #
              </th>
              <th scope="col" className="py-0.5 pr-2 font-medium">
                Offence at
              </th>
              <th scope="col" className="py-0.5 pr-2 font-medium">
                Blocked for
              </th>
              <th scope="col" className="py-0.5 pr-2 font-medium">
                Lifted at
              </th>
              <th scope="col" className="py-0.5 font-medium">
                Why this long
              </th>
            </tr>
          </thead>
          <tbody className="text-zinc-800 dark:text-zinc-200">
            {steps.map((step) => (
              <tr key={step.offence} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-0.5 pr-2">{step.offence}</td>
                <td className="py-0.5 pr-2 font-mono">{clock(step.at)}</td>
                <td className="py-0.5 pr-2">{duration(step.seconds)}</td>
                <td className="py-0.5 pr-2 font-mono">
                  {step.liftedAt === null ? 'extended' : clock(step.liftedAt)}
                </td>
                <td className="py-0.5">
                  {step.extended ? 'still blocked: execd restarts the clock, ' : ''}
                  {why(step, response.timeout)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Times from the first offence. execd lifts a block at its first one-second check after the time has
        passed; it counts offences per{' '}
        {target.scriptInput === 'json'
          ? 'script and the keys the script reports (the source IP for the stock scripts, which also must answer the check_keys handshake for a block to be lifted)'
          : 'script and source IP'}
        , in memory, so restarting the agent starts the count over.
      </p>
      {onManager ? (
        <p className="text-xs text-zinc-700 dark:text-zinc-300">
          This response runs on the manager, whose execd reads repeated_offenders from this file: the first
          &lt;active-response&gt; that has it.
        </p>
      ) : (
        <div className="grid gap-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
          <p className="text-xs text-zinc-800 dark:text-zinc-200">
            <span className="font-medium">Where this setting lives:</span> on every agent that runs this
            response, in the agent's own <code className="font-mono">{agentSide.path}</code>
            {value.trim() === '' ? ' (the minutes below are an example)' : ''}.
          </p>
          {agentSide.snippet === null ? (
            <p className="text-xs text-red-700 dark:text-red-400">{agentSide.problem}</p>
          ) : (
            <pre className="overflow-x-auto rounded bg-zinc-50 p-2 font-mono text-xs text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
              {agentSide.snippet}
            </pre>
          )}
          <div className="flex items-center gap-2">
            <Button
              size="sm"
              icon={<Icon name="copy" className="size-3.5" />}
              disabled={agentSide.snippet === null}
              onClick={async () => {
                if (agentSide.snippet === null) return;
                try {
                  await navigator.clipboard.writeText(agentSide.snippet);
                  setCopied('Copied the agent-side snippet.');
                } catch {
                  setCopied('The browser refused clipboard access; select the snippet and copy it.');
                }
              }}
            >
              Copy snippet
            </Button>
            <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
              {copied}
            </span>
          </div>
          <ul className="grid list-disc gap-0.5 pl-4 text-xs text-zinc-600 dark:text-zinc-400">
            {agentSide.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
