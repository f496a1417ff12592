import { Badge } from '../../components/badge';
import { cx } from '../../components/cx';
import { focusRing } from '../../components/focus-ring';
import type { SimulatedResponse, Simulation } from '../../core';

/**
 * One row per response, firing ones first (the core's order). Rows are plain and of one kind so the list
 * can be virtualised without changing them.
 */
export function SimulationResults({
  simulation,
  blockLabel,
  onSelect,
}: {
  simulation: Simulation;
  blockLabel: (blockIndex: number) => string;
  onSelect: (blockIndex: number) => void;
}) {
  const { whiteList } = simulation;
  return (
    <div className="grid gap-1">
      {whiteList && (
        <p className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="white-list-line">
          <span className="font-medium">White list · </span>
          {whiteList.hit
            ? `${whiteList.hit.because}${whiteList.hit.entry ? ` (line ${whiteList.hit.entry.line})` : ''}.`
            : `${whiteList.ip} is not on it (${whiteList.entries} ${whiteList.entries === 1 ? 'entry' : 'entries'} in this file).`}
        </p>
      )}
      {simulation.responses.length > 0 && (
        <ul aria-label="Responses" className="-mx-1">
          {simulation.responses.map((response) => (
            <ResponseRow
              key={response.blockIndex}
              response={response}
              label={blockLabel(response.blockIndex)}
              onSelect={() => onSelect(response.blockIndex)}
            />
          ))}
        </ul>
      )}
      {simulation.notes.map((note) => (
        <p key={note} className="text-xs text-zinc-600 dark:text-zinc-400">
          {note}
        </p>
      ))}
    </div>
  );
}

function verdict(response: SimulatedResponse): { word: string; tone: 'green' | 'amber' | 'neutral' } {
  if (response.fires) return { word: 'fires', tone: 'green' };
  if (response.stage === 'white-list') return { word: 'white-listed', tone: 'amber' };
  return { word: 'idle', tone: 'neutral' };
}

function lasting(response: SimulatedResponse): string {
  if (!response.stateful) return 'never undone';
  if (!response.offences) return `undone after ${response.timeout} s`;
  return `undone after ${response.offences.map((s) => (s === response.timeout ? `${s} s` : `${s / 60} min`)).join(', ')}`;
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
  const { word, tone } = verdict(response);
  return (
    <li className="border-b border-zinc-100 last:border-b-0 dark:border-zinc-800/60">
      <button
        type="button"
        onClick={onSelect}
        className={cx(
          'grid w-full gap-0.5 rounded px-1 py-1 text-left text-[13px] hover:bg-zinc-100 dark:hover:bg-zinc-800/70',
          focusRing,
        )}
      >
        <span className="flex min-w-0 items-center gap-2">
          <Badge tone={tone}>{word}</Badge>
          <span className="truncate font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
          {response.fires && (
            <span className="ml-auto shrink-0 text-xs text-zinc-700 dark:text-zinc-300">
              {response.hosts.join(', ')} · {lasting(response)}
            </span>
          )}
        </span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{response.reason}</span>
      </button>
    </li>
  );
}
