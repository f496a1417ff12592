import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Badge } from '../../components/badge';
import { cx } from '../../components/cx';
import { focusRing } from '../../components/focus-ring';
import { useScrollParent } from '../../components/use-scroll-parent';
import { VisibleText } from '../../components/visible-text';
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
          {whiteList.hit ? (
            <VisibleText
              text={`${whiteList.hit.because}${whiteList.hit.entry ? ` (line ${whiteList.hit.entry.line})` : ''}.`}
            />
          ) : (
            <VisibleText
              text={`${whiteList.ip} is not on it (${whiteList.entries} ${whiteList.entries === 1 ? 'entry' : 'entries'} in this file).`}
            />
          )}
        </p>
      )}
      {simulation.responses.length > 0 && (
        <ResponseList responses={simulation.responses} blockLabel={blockLabel} onSelect={onSelect} />
      )}
      {simulation.notes.map((note) => (
        <p key={note} className="text-xs text-zinc-600 dark:text-zinc-400">
          <VisibleText text={note} />
        </p>
      ))}
    </div>
  );
}

/** A response's row: its verdict and name, and one line saying why. */
const ROW_ESTIMATE = 46;

/**
 * The responses, of which only those in view are rendered (a large file has thousands). The list scrolls
 * with the rest of the panel: the alert form above, the repeat offences below.
 */
function ResponseList({
  responses,
  blockLabel,
  onSelect,
}: {
  responses: readonly SimulatedResponse[];
  blockLabel: (blockIndex: number) => string;
  onSelect: (blockIndex: number) => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const { scroller, offset } = useScrollParent(list);
  const virtualizer = useVirtualizer({
    count: responses.length,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (at) => responses[at]?.blockIndex ?? at,
    indexAttribute: 'data-row',
    scrollMargin: offset,
    overscan: 6,
  });
  return (
    <ul
      ref={list}
      aria-label="Responses"
      className="relative -mx-1"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map(({ index: at, key, start }) => {
        const response = responses[at];
        return (
          <ResponseRow
            key={key}
            response={response}
            label={blockLabel(response.blockIndex)}
            onSelect={() => onSelect(response.blockIndex)}
            position={at}
            setSize={responses.length}
            start={start - offset}
            measure={virtualizer.measureElement}
          />
        );
      })}
    </ul>
  );
}

function verdict(response: SimulatedResponse): { word: string; tone: 'green' | 'amber' | 'neutral' } {
  if (response.fires) return { word: 'fires', tone: 'green' };
  if (response.stage === 'white-list') return { word: 'white-listed', tone: 'amber' };
  if (response.stage === 'undecided') return { word: 'undecided', tone: 'amber' };
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
  position,
  setSize,
  start,
  measure,
}: {
  response: SimulatedResponse;
  label: string;
  onSelect: () => void;
  /** The row's place among all the responses (0-based), and their number. */
  position: number;
  setSize: number;
  /** Where the row starts in the list, in pixels. */
  start: number;
  measure: (row: HTMLElement | null) => void;
}) {
  const { word, tone } = verdict(response);
  return (
    <li
      ref={measure}
      aria-posinset={position + 1}
      aria-setsize={setSize}
      data-row={position}
      className={cx(
        'absolute inset-x-0 top-0 border-zinc-100 dark:border-zinc-800/60',
        position < setSize - 1 && 'border-b',
      )}
      style={{ transform: `translateY(${start}px)` }}
    >
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
          <VisibleText text={label} className="truncate font-medium text-zinc-900 dark:text-zinc-100" />
          {response.fires && (
            <span className="ml-auto shrink-0 text-xs text-zinc-700 dark:text-zinc-300">
              {response.hosts.join(', ')} · {lasting(response)}
            </span>
          )}
        </span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          <VisibleText text={response.reason} />
        </span>
      </button>
    </li>
  );
}
