import { cx } from '../../components/cx';
import type { DiffHunk } from '../../core';

const SIGN = { context: ' ', removed: '-', added: '+' } as const;

/** Unified-diff hunks, one row per line, removed lines red and added lines green, with line numbers. */
export function DiffView({ hunks, label }: { hunks: readonly DiffHunk[]; label: string }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard
      tabIndex={0}
      className="max-h-80 overflow-auto rounded-md border border-zinc-200 bg-white font-mono text-[12px] leading-[18px] dark:border-zinc-800 dark:bg-zinc-950"
    >
      {hunks.map((hunk) => {
        let oldLine = hunk.oldStart;
        let newLine = hunk.newStart;
        return (
          <div key={`${hunk.oldStart}:${hunk.newStart}`}>
            <div className="bg-zinc-100 px-2 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
              @@ -{hunk.oldStart},{hunk.oldLines} +{hunk.newStart},{hunk.newLines} @@
            </div>
            {hunk.lines.map((line, i) => {
              const old = line.kind === 'added' ? '' : oldLine++;
              const now = line.kind === 'removed' ? '' : newLine++;
              return (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: diff lines have no identity besides their place
                  key={i}
                  className={cx(
                    'grid grid-cols-[3rem_3rem_1rem_1fr] whitespace-pre',
                    line.kind === 'removed' && 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200',
                    line.kind === 'added' &&
                      'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200',
                  )}
                >
                  <span className="pr-2 text-right text-zinc-600 select-none dark:text-zinc-400">{old}</span>
                  <span className="pr-2 text-right text-zinc-600 select-none dark:text-zinc-400">{now}</span>
                  <span aria-hidden="true" className="select-none">
                    {SIGN[line.kind]}
                  </span>
                  <span>
                    <span className="sr-only">{line.kind === 'context' ? '' : `${line.kind}: `}</span>
                    {line.text}
                  </span>
                </div>
              );
            })}
          </div>
        );
      })}
    </section>
  );
}
