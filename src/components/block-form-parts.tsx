import type { ReactNode } from 'react';
import type { Block, Diagnostic } from '../core';
import { Badge } from './badge';
import { cx } from './cx';
import type { FieldProblem } from './field';
import { SeverityIcon, severityTextClass } from './severity';

/** The problems of one field, worst first. */
export function problemsOf(diagnostics: readonly Diagnostic[], element: string): FieldProblem[] {
  return diagnostics.filter((d) => d.field === element);
}

export function fieldId(element: string): string {
  return `field-${element}`;
}

/** Problems that belong to the block as a whole, or to a field the form has no control for. */
export function BlockProblems({
  diagnostics,
  shown,
}: {
  diagnostics: readonly Diagnostic[];
  shown: readonly string[];
}) {
  const rest = diagnostics.filter((d) => d.field === undefined || !shown.includes(d.field));
  if (rest.length === 0) return null;
  return (
    <ul className="grid gap-1 rounded-md border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-900">
      {rest.map((d) => (
        <li
          key={`${d.code}:${d.offset}:${d.message}`}
          className={cx('flex items-start gap-1.5 text-xs', severityTextClass(d.severity))}
        >
          <SeverityIcon severity={d.severity} className="mt-px" />
          <span>
            {d.message}
            {d.daemonMessage && (
              <span className="block font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
                {d.daemonMessage}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Children the form has no control for (unknown elements, typos such as `<disbaled>`), shown read-only as the
 * file writes them: the XML view is where they are edited or removed.
 */
export function OtherChildren({ block, known }: { block: Block; known: readonly string[] }) {
  const others = block.children.filter((c) => !known.includes(c.name));
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="other-children" className="grid gap-1.5">
      <h3 id="other-children" className="text-[13px] font-medium text-zinc-800 dark:text-zinc-200">
        Other elements{' '}
        <span className="font-normal text-zinc-600 dark:text-zinc-400">(read-only; edit in the XML)</span>
      </h3>
      <ul className="grid gap-1">
        {others.map((c) => (
          <li
            key={c.start}
            className="truncate rounded border border-dashed border-zinc-300 px-2 py-1 font-mono text-xs text-zinc-800 dark:border-zinc-700 dark:text-zinc-200"
          >
            &lt;{c.name}&gt;{c.value}&lt;/{c.name}&gt;
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Elements written more than once: the daemon keeps the last, so the form edits the last. */
export function repeatedBadge(block: Block, element: string): ReactNode {
  const count = block.children.filter((c) => c.name === element).length;
  return count > 1 ? (
    <Badge tone="amber" title="The daemon reads the last one; the form edits the last one.">
      written {count}×
    </Badge>
  ) : null;
}

export function FormHeader({
  kind,
  title,
  line,
  children,
}: {
  kind: Block['kind'];
  title: string | undefined;
  line: number;
  children?: ReactNode;
}) {
  return (
    <header className="grid gap-1.5 border-b border-zinc-200 pb-3 dark:border-zinc-800">
      <div className="flex items-center gap-2">
        <Badge tone={kind === 'command' ? 'violet' : 'blue'}>
          {kind === 'command' ? 'command' : 'active response'}
        </Badge>
        <h2 className="min-w-0 truncate font-mono text-[15px] font-semibold text-zinc-900 dark:text-zinc-100">
          {title === undefined
            ? '(no name)'
            : title === ''
              ? '(empty)'
              : title.trim() === ''
                ? '(blank)'
                : title}
        </h2>
        <span className="ml-auto shrink-0 font-mono text-xs text-zinc-600 dark:text-zinc-400">
          line {line}
        </span>
      </div>
      {children}
    </header>
  );
}
