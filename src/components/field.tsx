import type { ReactNode } from 'react';
import type { Severity } from '../core';
import { IconButton } from './button';
import { cx } from './cx';
import { Icon } from './icon';
import { SeverityIcon, severityTextClass } from './severity';

export interface FieldProblem {
  severity: Severity;
  message: string;
  daemonMessage?: string;
}

export interface FieldProps {
  id: string;
  label: string;
  /** The element name as the file writes it, shown so the admin can match the form to the XML. */
  element: string;
  help: string;
  problems?: FieldProblem[];
  /** Badges beside the label: not set, empty element, unknown to the target. */
  status?: ReactNode;
  onRemove?: () => void;
  children: ReactNode;
}

export function fieldHelpId(id: string): string {
  return `${id}-help`;
}

export function fieldProblemsId(id: string): string {
  return `${id}-problems`;
}

/** The ids a control points `aria-describedby` at, so its help and problems are read with it. */
export function fieldDescribedBy(id: string, problemCount: number): string {
  return problemCount > 0 ? `${fieldProblemsId(id)} ${fieldHelpId(id)}` : fieldHelpId(id);
}

export function Field({ id, label, element, help, problems = [], status, onRemove, children }: FieldProps) {
  // The remove button sits beside the label but comes after the input in the tab order.
  return (
    <div className="group/field grid grid-cols-[minmax(0,1fr)_auto] content-start gap-x-1 gap-y-1">
      <div className="col-start-1 row-start-1 flex min-h-6 flex-wrap items-center gap-x-2 gap-y-1">
        <label
          htmlFor={id}
          className="text-[13px] font-medium whitespace-nowrap text-zinc-800 dark:text-zinc-200"
        >
          {label}
        </label>
        <code className="font-mono text-[11px] text-zinc-600 dark:text-zinc-400">&lt;{element}&gt;</code>
        <span className="flex flex-1 flex-wrap items-center gap-1">{status}</span>
      </div>
      <div className="col-span-2">{children}</div>
      {onRemove && (
        <div className="col-start-2 row-start-1 self-center">
          <IconButton
            size="sm"
            label={`Remove <${element}> from the block`}
            icon={<Icon name="x" className="size-3.5" />}
            onClick={onRemove}
          />
        </div>
      )}
      {problems.length > 0 && (
        <ul id={fieldProblemsId(id)} className="col-span-2 grid gap-0.5">
          {problems.map((problem) => (
            <li
              key={`${problem.severity}:${problem.message}`}
              className={cx('flex items-start gap-1.5 text-xs', severityTextClass(problem.severity))}
            >
              <SeverityIcon severity={problem.severity} className="mt-px" />
              <span>
                {problem.message}
                {problem.daemonMessage && (
                  <span className="block font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
                    {problem.daemonMessage}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p id={fieldHelpId(id)} className="col-span-2 text-xs leading-snug text-zinc-600 dark:text-zinc-400">
        {help}
      </p>
    </div>
  );
}

export const inputClass = cx(
  'h-8 w-full rounded-md border px-2 font-mono text-[13px] shadow-xs transition-colors',
  'border-zinc-300 bg-white text-zinc-900 placeholder:text-zinc-500',
  'dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-400',
  'read-only:bg-zinc-50 read-only:text-zinc-700 dark:read-only:bg-zinc-900 dark:read-only:text-zinc-300',
  'disabled:bg-zinc-50 disabled:text-zinc-700 dark:disabled:bg-zinc-900 dark:disabled:text-zinc-300',
  'aria-invalid:border-red-500 dark:aria-invalid:border-red-500',
  'focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600/40',
  'dark:focus-visible:border-blue-400 dark:focus-visible:outline-blue-400/40',
);
