import { cx } from '../../components/cx';
import { type Hunk, hunkHeader } from '../../core';

const SIGN = { context: ' ', removed: '-', added: '+' } as const;

/** Unified-diff hunks, one row per line, removed lines red and added lines green, with line numbers. */
export function DiffView({ hunks, label }: { hunks: readonly Hunk[]; label: string }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard
      tabIndex={0}
      className="max-h-80 overflow-auto rounded-md border border-zinc-200 bg-white font-mono text-[12px] leading-[18px] dark:border-zinc-800 dark:bg-zinc-950"
    >
      {hunks.map((hunk) => (
        <div key={`${hunk.aStart}:${hunk.bStart}`}>
          <div className="bg-zinc-100 px-2 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            {hunkHeader(hunk)}
          </div>
          {hunk.lines.map((line) => (
            <div
              key={`${line.aLine ?? ''}:${line.bLine ?? ''}`}
              className={cx(
                'grid grid-cols-[3rem_3rem_1rem_1fr] whitespace-pre',
                line.kind === 'removed' && 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200',
                line.kind === 'added' &&
                  'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200',
              )}
            >
              <span className="pr-2 text-right text-zinc-600 select-none dark:text-zinc-400">
                {line.aLine === undefined ? '' : line.aLine + 1}
              </span>
              <span className="pr-2 text-right text-zinc-600 select-none dark:text-zinc-400">
                {line.bLine === undefined ? '' : line.bLine + 1}
              </span>
              <span aria-hidden="true" className="select-none">
                {SIGN[line.kind]}
              </span>
              <span>
                <span className="sr-only">{line.kind === 'context' ? '' : `${line.kind}: `}</span>
                {line.text.replace(/\r?\n$/, '')}
              </span>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
