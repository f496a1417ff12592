import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { focusRing } from '../../components/focus-ring';
import { Icon } from '../../components/icon';
import { SeverityIcon } from '../../components/severity';
import { rangeKeeping, useFocusedRow } from '../../components/virtual-range';
import { VisibleText } from '../../components/visible-text';
import { type Diagnostic, revealHidden } from '../../core';
import { countBySeverity, groupProblems, type ProblemGroup } from './group-problems';

export interface ProblemsPanelProps {
  diagnostics: readonly Diagnostic[];
  /** How the panel names a block in a group heading. */
  blockLabel: (blockIndex: number) => string;
  onJump: (diagnostic: Diagnostic) => void;
  onFix: (diagnostic: Diagnostic) => void;
  /** Opens the view a diagnostic points to (the migration view for Wazuh 5.0's leftovers). */
  onSee?: (view: NonNullable<Diagnostic['see']>) => void;
}

/**
 * The most problems one rendered piece of the list holds: a generated 10,000-block file has thousands of
 * problems and only the pieces in view are rendered, so a block with more is shown in several pieces.
 */
export const PIECE_SIZE = 40;

/** A piece of one block's problems: the first piece of a group, or a continuation. */
interface Piece {
  group: ProblemGroup;
  diagnostics: readonly Diagnostic[];
  continued: boolean;
}

function piecesOf(groups: readonly ProblemGroup[]): Piece[] {
  const pieces: Piece[] = [];
  for (const group of groups) {
    for (let from = 0; from < group.diagnostics.length; from += PIECE_SIZE) {
      pieces.push({
        group,
        diagnostics: group.diagnostics.slice(from, from + PIECE_SIZE),
        continued: from > 0,
      });
    }
  }
  return pieces;
}

/** A group of one problem: its heading and one or two lines. */
const PIECE_ESTIMATE = 70;

/**
 * Row keys that survive an edit: not the offset (an edit above shifts it, and every row below would be made
 * anew on each keystroke) but what the problem says, numbered when a block has it twice.
 */
function keyed(diagnostics: readonly Diagnostic[]): { diagnostic: Diagnostic; key: string }[] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const base = `${diagnostic.code}:${diagnostic.field ?? ''}:${diagnostic.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { diagnostic, key: `${base}:${n}` };
  });
}

export function ProblemsPanel({ diagnostics, blockLabel, onJump, onFix, onSee }: ProblemsPanelProps) {
  const counts = countBySeverity(diagnostics);
  const pieces = useMemo(() => piecesOf(groupProblems(diagnostics)), [diagnostics]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focus = useFocusedRow();
  const virtualizer = useVirtualizer({
    count: pieces.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (at) => PIECE_ESTIMATE + 28 * ((pieces[at]?.diagnostics.length ?? 1) - 1),
    getItemKey: (at) => {
      const piece = pieces[at];
      return piece ? `${piece.group.blockIndex ?? 'document'}:${piece.continued ? at : 0}` : at;
    },
    indexAttribute: 'data-row',
    overscan: 4,
    rangeExtractor: useMemo(
      () => rangeKeeping(focus.focused === null ? [] : [focus.focused]),
      [focus.focused],
    ),
  });
  return (
    <section aria-labelledby="problems-title" className="flex h-full min-h-0 flex-col">
      <header className="flex min-h-9 shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
        <h2
          id="problems-title"
          className="text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300"
        >
          Problems
        </h2>
        <p
          className="flex items-center gap-3 text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400"
          aria-live="polite"
        >
          <span className="inline-flex items-center gap-1">
            <SeverityIcon severity="error" /> {counts.error} {counts.error === 1 ? 'error' : 'errors'}
          </span>
          <span className="inline-flex items-center gap-1">
            <SeverityIcon severity="warning" /> {counts.warning}{' '}
            {counts.warning === 1 ? 'warning' : 'warnings'}
          </span>
          <span className="inline-flex items-center gap-1">
            <SeverityIcon severity="info" /> {counts.info} info
          </span>
        </p>
        {counts.error === 0 && (
          <span className="ml-auto inline-flex items-center gap-1 text-xs text-emerald-700 dark:text-emerald-400">
            <Icon name="check" className="size-3.5" /> The target daemon accepts this file
          </span>
        )}
        {counts.error > 0 && (
          <span className="ml-auto text-xs text-red-700 dark:text-red-400">
            The target daemon refuses this file
          </span>
        )}
      </header>
      <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-auto">
        {pieces.length === 0 && (
          <p className="px-3 py-4 text-[13px] text-zinc-600 dark:text-zinc-400">No problems found.</p>
        )}
        {pieces.length > 0 && (
          // Only the pieces in view are rendered; each says where it stands among the blocks' groups.
          <ul
            onFocus={focus.onFocus}
            onBlur={focus.onBlur}
            aria-label="Problems by block"
            className="relative"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map(({ index: at, key, start }) => {
              const piece = pieces[at];
              const title = groupTitle(piece.group.blockIndex, blockLabel);
              const heading = piece.continued ? `${title} (continued)` : title;
              return (
                <li
                  key={key}
                  ref={virtualizer.measureElement}
                  aria-posinset={at + 1}
                  aria-setsize={pieces.length}
                  data-row={at}
                  className="absolute inset-x-0 top-0"
                  style={{ transform: `translateY(${start}px)` }}
                >
                  <section aria-label={revealHidden(heading)}>
                    <h3 className="sticky top-0 z-10 border-b border-zinc-100 bg-zinc-50 px-3 py-1 text-xs font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
                      <VisibleText text={heading} />
                      <span className="sr-only">, </span>
                      <span className="ml-2 text-zinc-600 dark:text-zinc-400">
                        {piece.group.diagnostics.length}
                        <span className="sr-only">
                          {piece.group.diagnostics.length === 1 ? ' problem' : ' problems'}
                        </span>
                      </span>
                    </h3>
                    <ul>
                      {keyed(piece.diagnostics).map(({ diagnostic, key }) => (
                        <ProblemRow
                          key={key}
                          diagnostic={diagnostic}
                          onJump={onJump}
                          onFix={onFix}
                          onSee={onSee}
                        />
                      ))}
                    </ul>
                  </section>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}

function ProblemRow({
  diagnostic,
  onJump,
  onFix,
  onSee,
}: { diagnostic: Diagnostic } & Pick<ProblemsPanelProps, 'onJump' | 'onFix' | 'onSee'>) {
  return (
    <li className="flex flex-wrap items-start justify-end gap-x-2 gap-y-1 border-b border-zinc-100 px-3 py-1 dark:border-zinc-800/60">
      <button
        type="button"
        onClick={() => onJump(diagnostic)}
        className={cx(
          'flex min-w-[min(100%,18rem)] flex-1 flex-wrap items-start gap-x-2 rounded py-0.5 text-left text-[13px] hover:bg-zinc-100 dark:hover:bg-zinc-800/70',
          focusRing,
        )}
      >
        <SeverityIcon severity={diagnostic.severity} className="mt-0.5" />
        <span className="min-w-[min(100%,12rem)] flex-1">
          <VisibleText text={diagnostic.message} className="text-zinc-900 dark:text-zinc-100" />
          {diagnostic.daemonMessage && (
            <VisibleText
              text={diagnostic.daemonMessage}
              className="block truncate font-mono text-[11px] text-zinc-600 dark:text-zinc-400"
            />
          )}
        </span>
        <span className="shrink-0 font-mono text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400">
          {diagnostic.code} · line {diagnostic.line}:{diagnostic.column}
        </span>
      </button>
      {diagnostic.see && onSee && (
        <Button
          size="sm"
          icon={<Icon name="bolt" className="size-3.5" />}
          onClick={() => onSee(diagnostic.see as NonNullable<Diagnostic['see']>)}
        >
          Migrate to 5.0
        </Button>
      )}
      {diagnostic.fix && (
        <Button
          size="sm"
          icon={<Icon name="wrench" className="size-3.5" />}
          onClick={() => onFix(diagnostic)}
        >
          <VisibleText text={diagnostic.fix.title} />
        </Button>
      )}
    </li>
  );
}

function groupTitle(blockIndex: number | null, blockLabel: (i: number) => string): string {
  return blockIndex === null ? 'Document' : blockLabel(blockIndex);
}
