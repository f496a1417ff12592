import { useState } from 'react';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { focusRing } from '../../components/focus-ring';
import { Icon } from '../../components/icon';
import { SeverityIcon } from '../../components/severity';
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

/** Rows shown before "Show all": a generated 10,000-block file has thousands of hints. */
export const PROBLEMS_SHOWN = 300;

/**
 * Row keys that survive an edit: not the offset (an edit above shifts it, and every row below would be made
 * anew on each keystroke) but what the problem says, numbered when a block has it twice.
 */
function keyed(diagnostics: Diagnostic[]): { diagnostic: Diagnostic; key: string }[] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const base = `${diagnostic.code}:${diagnostic.field ?? ''}:${diagnostic.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { diagnostic, key: `${base}:${n}` };
  });
}

export function ProblemsPanel({ diagnostics, blockLabel, onJump, onFix, onSee }: ProblemsPanelProps) {
  const [showAll, setShowAll] = useState(false);
  const counts = countBySeverity(diagnostics);
  const groups = limitGroups(groupProblems(diagnostics), showAll ? Number.POSITIVE_INFINITY : PROBLEMS_SHOWN);
  const hidden = diagnostics.length - groups.reduce((n, g) => n + g.diagnostics.length, 0);
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
      <div className="relative min-h-0 flex-1 overflow-auto">
        {groups.length === 0 && (
          <p className="px-3 py-4 text-[13px] text-zinc-600 dark:text-zinc-400">No problems found.</p>
        )}
        {groups.map((group) => (
          <section
            key={group.blockIndex ?? 'document'}
            aria-label={revealHidden(groupTitle(group.blockIndex, blockLabel))}
          >
            <h3 className="sticky top-0 z-10 border-b border-zinc-100 bg-zinc-50 px-3 py-1 text-xs font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
              <VisibleText text={groupTitle(group.blockIndex, blockLabel)} />
              <span className="sr-only">, </span>
              <span className="ml-2 text-zinc-600 dark:text-zinc-400">
                {group.diagnostics.length}
                <span className="sr-only">{group.diagnostics.length === 1 ? ' problem' : ' problems'}</span>
              </span>
            </h3>
            <ul>
              {keyed(group.diagnostics).map(({ diagnostic, key }) => (
                <li
                  key={key}
                  className="flex flex-wrap items-start justify-end gap-x-2 gap-y-1 border-b border-zinc-100 px-3 py-1 dark:border-zinc-800/60"
                >
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
              ))}
            </ul>
          </section>
        ))}
        {hidden > 0 && (
          <div className="px-3 py-2">
            <Button size="sm" onClick={() => setShowAll(true)}>
              Show {hidden} more {hidden === 1 ? 'problem' : 'problems'}
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}

/** The first `limit` problems in display order, groups cut where the limit falls. */
function limitGroups(groups: ProblemGroup[], limit: number): ProblemGroup[] {
  const shown: ProblemGroup[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    shown.push(
      group.diagnostics.length <= left ? group : { ...group, diagnostics: group.diagnostics.slice(0, left) },
    );
    left -= group.diagnostics.length;
  }
  return shown;
}

function groupTitle(blockIndex: number | null, blockLabel: (i: number) => string): string {
  return blockIndex === null ? 'Document' : blockLabel(blockIndex);
}
