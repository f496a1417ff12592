import { type ConfigDocument, type Diagnostic, formatSize } from '../core';
import type { TextEncoding } from '../core/model/types';
import { SeverityIcon } from './severity';
import { VisibleText } from './visible-text';

export function shapeDescription(doc: ConfigDocument): string {
  switch (doc.shape) {
    case 'config': {
      const roots = doc.topLevel.filter((t) => t.name === 'ossec_config').length;
      return roots > 1 ? `a whole ossec.conf with ${roots} <ossec_config> roots` : 'a whole ossec.conf';
    }
    case 'fragment':
      return 'a fragment (no <ossec_config> root: opened as a file the daemon refuses it, added to a document it is read as a snippet)';
    case 'agent-config':
      return 'a centralized agent.conf (the daemons do not read active responses from it)';
    case 'empty':
      return 'an empty file';
  }
}

export function countKinds(doc: ConfigDocument): { commands: number; responses: number } {
  let commands = 0;
  for (const block of doc.blocks) if (block.kind === 'command') commands++;
  return { commands, responses: doc.blocks.length - commands };
}

const PROBLEMS_SHOWN = 6;

export interface ImportSummaryProps {
  name: string;
  /** Size in bytes. */
  size: number;
  encoding: TextEncoding;
  /** Why the bytes were not read as plain UTF-8. */
  encodingProblem?: string;
  doc: ConfigDocument;
  /** What the target daemon makes of it. */
  problems: Diagnostic[];
  /** A line under the counts, such as the target a shared draft is meant for. */
  context?: string;
}

/** What a file holds before it replaces anything: its shape, blocks, encoding and first problems. */
export function ImportSummary({
  name,
  size,
  encoding,
  encodingProblem,
  doc,
  problems,
  context,
}: ImportSummaryProps) {
  const counts = countKinds(doc);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return (
    <section
      aria-labelledby="import-summary"
      className="grid gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid="import-summary"
    >
      <h3 id="import-summary" className="text-[13px] font-semibold">
        <VisibleText text={name} />{' '}
        <span className="font-normal text-zinc-600 dark:text-zinc-400">
          {formatSize(size)} · {encoding === 'utf-8' ? 'UTF-8' : 'Latin-1'} ·{' '}
          {doc.layout.eol === '\r\n' ? 'CRLF' : 'LF'} line endings
        </span>
      </h3>
      <p className="text-[13px]">
        {shapeDescription(doc)}: <strong>{counts.commands}</strong>{' '}
        {counts.commands === 1 ? 'command' : 'commands'}, <strong>{counts.responses}</strong>{' '}
        {counts.responses === 1 ? 'active response' : 'active responses'}, <strong>{errors}</strong>{' '}
        {errors === 1 ? 'error' : 'errors'}, <strong>{warnings}</strong>{' '}
        {warnings === 1 ? 'warning' : 'warnings'}.
      </p>
      {context && <p className="text-xs text-zinc-600 dark:text-zinc-400">{context}</p>}
      {encodingProblem && <p className="text-xs text-amber-800 dark:text-amber-300">{encodingProblem}</p>}
      {problems.length > 0 && (
        <ul className="grid gap-1">
          {problems.slice(0, PROBLEMS_SHOWN).map((p) => (
            <li key={`${p.code}:${p.offset}:${p.message}`} className="flex items-start gap-1.5 text-xs">
              <SeverityIcon severity={p.severity} className="mt-px" />
              <span className="shrink-0 font-mono text-zinc-600 tabular-nums dark:text-zinc-400">
                line {p.line}:{p.column}
              </span>
              <VisibleText text={p.message} />
            </li>
          ))}
          {problems.length > PROBLEMS_SHOWN && (
            <li className="text-xs text-zinc-600 dark:text-zinc-400">
              and {problems.length - PROBLEMS_SHOWN} more, listed under Problems once opened.
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
