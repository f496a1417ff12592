import { useId, useMemo, useRef, useState } from 'react';
import { Badge, type BadgeTone } from '../../components/badge';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Dialog } from '../../components/dialog';
import { downloadBytes } from '../../components/download';
import { focusRing } from '../../components/focus-ring';
import { Icon } from '../../components/icon';
import {
  type BlockChange,
  type BlockChangeStatus,
  type ConfigDocument,
  diffBlocks,
  diffLines,
  encodeText,
  formatPatch,
  type Hunk,
  hunkHeader,
  hunksOf,
  patchFileName,
  readDocument,
  revertBlock,
} from '../../core';
import type { TextEncoding } from '../../core/model/types';
import {
  type DiffCell,
  hunkShowing,
  type SplitRow,
  splitRows,
  type UnifiedRow,
  unifiedRows,
} from './diff-rows';

export interface DiffDialogProps {
  open: boolean;
  onClose: () => void;
  /** The file as imported. */
  original: { name: string; text: string; encoding: TextEncoding };
  /** The draft. */
  doc: ConfigDocument;
  /** Another tab edits the draft: this one only looks. */
  readOnly?: boolean;
  /** Applies an edit to the draft as one undoable step. */
  onEdit: (change: (doc: ConfigDocument) => ConfigDocument, label: string) => void;
  onStatus: (message: string) => void;
}

type View = 'split' | 'unified';

/** Beyond this many rows the view stops drawing lines (the .diff still holds them all). */
const MAX_ROWS = 4000;

const STATUS: Record<BlockChangeStatus, { tone: BadgeTone; word: string }> = {
  changed: { tone: 'amber', word: 'changed' },
  added: { tone: 'green', word: 'added' },
  removed: { tone: 'red', word: 'removed' },
  moved: { tone: 'blue', word: 'moved' },
};

function blockName(change: BlockChange): string {
  const kind = change.kind === 'command' ? 'command' : 'response';
  return `${kind} ${change.title === undefined ? '(no name)' : change.title || '(empty name)'}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The draft beside the file as imported: which blocks changed, were added, removed or moved (each with
 * "Revert", an undoable edit), the lines side by side or unified, and the `.diff` that `patch -p0`
 * applies to the imported file.
 */
export function DiffDialog({
  open,
  onClose,
  original,
  doc,
  readOnly = false,
  onEdit,
  onStatus,
}: DiffDialogProps) {
  const [view, setView] = useState<View>('split');
  const listRef = useRef<HTMLUListElement>(null);
  const viewName = useId();
  const imported = useMemo(() => readDocument(original.text, original.encoding), [original]);
  const lines = useMemo(() => diffLines(original.text, doc.text), [original.text, doc.text]);
  const changes = useMemo(() => diffBlocks(imported, doc, lines), [imported, doc, lines]);
  const hunks = useMemo(() => hunksOf(lines), [lines]);
  const added = lines.changes.reduce((n, c) => n + c.bEnd - c.bStart, 0);
  const removed = lines.changes.reduce((n, c) => n + c.aEnd - c.aStart, 0);
  const patchName = `${patchFileName(original.name)}.diff`;
  const locked = doc.xmlError !== null || readOnly;

  const counts = (['changed', 'added', 'removed', 'moved'] as const)
    .map((status) => [status, changes.filter((c) => c.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);

  const revert = (change: BlockChange) => {
    const name = blockName(change);
    onEdit((draft) => revertBlock(imported, draft, change, lines), `Reverted ${name}`);
    listRef.current?.focus();
  };

  const show = (change: BlockChange) => {
    const hunk =
      change.draft !== undefined
        ? hunkShowing(hunks, 'b', (change.draftLine as number) - 1, (change.draftEndLine as number) - 1)
        : hunkShowing(
            hunks,
            'a',
            (change.originalLine as number) - 1,
            (change.originalEndLine as number) - 1,
          );
    const element = hunk >= 0 ? document.getElementById(`diff-hunk-${hunk}`) : null;
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  };

  const download = () => {
    downloadBytes(encodeText(formatPatch(lines, original.name), doc.encoding), patchName, 'text/x-diff');
    onStatus(
      `Downloaded ${patchName}: patch -p0 < ${patchName} beside ${patchFileName(original.name)} gives this draft.`,
    );
  };

  let budget = MAX_ROWS;
  const drawn = hunks.map((hunk) => {
    const rows = view === 'split' ? splitRows(hunk) : unifiedRows(hunk);
    const shown = Math.max(0, Math.min(rows.length, budget));
    budget -= shown;
    return { hunk, rows: rows.slice(0, shown), hidden: rows.length - shown };
  });
  const hiddenRows = drawn.reduce((n, d) => n + d.hidden, 0);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="full"
      title="Changes since import"
      description={`${original.name} as imported, and your draft. Revert a block, or download the changes as a patch.`}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <div className="grid h-full min-h-0 grid-cols-[18rem_minmax(0,1fr)] gap-4">
        <section aria-labelledby="diff-blocks-title" className="flex min-h-0 flex-col gap-2">
          <h3 id="diff-blocks-title" className="text-[13px] font-semibold">
            Blocks{' '}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">
              {counts.length > 0 ? counts.join(' · ') : 'none changed'}
            </span>
          </h3>
          {locked && (
            <p className="rounded-md border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
              {readOnly
                ? 'Another tab edits this draft, so this one cannot revert blocks. The lines and the patch are exact.'
                : 'The XML does not read, so blocks cannot be reverted one by one until it does. The lines and the patch are exact.'}
            </p>
          )}
          <ul
            ref={listRef}
            tabIndex={-1}
            aria-labelledby="diff-blocks-title"
            className={cx('grid min-h-0 grid-cols-1 content-start gap-1.5 overflow-auto p-0.5', focusRing)}
          >
            {changes.map((change) => (
              <BlockItem
                key={`${change.status}:${change.original ?? ''}:${change.draft ?? ''}`}
                change={change}
                locked={locked}
                onShow={() => show(change)}
                onRevert={() => revert(change)}
              />
            ))}
            {changes.length === 0 && (
              <li className="text-xs text-zinc-600 dark:text-zinc-400">
                {lines.changes.length > 0
                  ? 'Every <command> and <active-response> block is as imported; only other lines changed.'
                  : 'The draft is the file as imported.'}
              </li>
            )}
          </ul>
        </section>

        <section aria-labelledby="diff-lines-title" className="flex min-h-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <h3 id="diff-lines-title" className="text-[13px] font-semibold">
              Lines{' '}
              <span className="font-normal text-zinc-600 dark:text-zinc-400">
                {lines.changes.length === 0
                  ? 'no difference'
                  : `${plural(removed, 'line')} removed, ${plural(added, 'line')} added, in ${plural(hunks.length, 'place')}`}
              </span>
            </h3>
            <fieldset className="ml-auto flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
              <legend className="sr-only">Show the lines</legend>
              {(
                [
                  ['split', 'Side by side'],
                  ['unified', 'Unified'],
                ] as const
              ).map(([value, label]) => (
                <label
                  key={value}
                  className={cx(
                    'cursor-pointer rounded px-2 py-0.5 text-xs font-medium has-focus-visible:outline-2 has-focus-visible:outline-blue-600 dark:has-focus-visible:outline-blue-400',
                    view === value
                      ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                      : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
                  )}
                >
                  <input
                    type="radio"
                    name={viewName}
                    value={value}
                    checked={view === value}
                    onChange={() => setView(value)}
                    className="sr-only"
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            <Button
              size="sm"
              icon={<Icon name="download" className="size-3.5" />}
              disabled={lines.changes.length === 0}
              onClick={download}
            >
              Download .diff
            </Button>
          </div>
          {lines.changes.length > 0 && (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              In the folder that holds the imported {patchFileName(original.name)},{' '}
              <code className="font-mono text-zinc-800 dark:text-zinc-200">patch -p0 &lt; {patchName}</code>{' '}
              turns it into this draft, byte for byte.
            </p>
          )}
          <div className="min-h-0 flex-1 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800">
            {drawn.map(({ hunk, rows, hidden }, index) => (
              <HunkView
                key={`${hunk.aStart}:${hunk.bStart}`}
                hunk={hunk}
                index={index}
                count={hunks.length}
                view={view}
                rows={rows}
                hidden={hidden}
                originalName={original.name}
              />
            ))}
            {hiddenRows > 0 && (
              <p className="p-3 text-xs text-zinc-600 dark:text-zinc-400">
                {plural(hiddenRows, 'more line')} not drawn here; {patchName} holds them all.
              </p>
            )}
            {lines.changes.length === 0 && (
              <p className="p-3 text-[13px] text-zinc-600 dark:text-zinc-400">
                No difference: exporting now gives back the imported bytes.
              </p>
            )}
          </div>
        </section>
      </div>
    </Dialog>
  );
}

function BlockItem({
  change,
  locked,
  onShow,
  onRevert,
}: {
  change: BlockChange;
  locked: boolean;
  onShow: () => void;
  onRevert: () => void;
}) {
  const { tone, word } = STATUS[change.status];
  const name = blockName(change);
  const where =
    change.status === 'added'
      ? `line ${change.draftLine}`
      : change.status === 'removed'
        ? `was line ${change.originalLine}`
        : `line ${change.originalLine} → ${change.draftLine}`;
  return (
    <li className="grid min-w-0 grid-cols-1 gap-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <div className="flex items-center gap-1.5">
        <Badge tone={tone}>{word}</Badge>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{where}</span>
      </div>
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={onShow}
          className={cx(
            'min-w-0 flex-1 truncate rounded text-left font-mono text-[13px] text-zinc-900 hover:underline dark:text-zinc-100',
            focusRing,
          )}
          title={`Show the lines of ${name}`}
        >
          <span className="sr-only">Show the lines of</span> {name}
        </button>
        <Button
          size="sm"
          variant="ghost"
          icon={<Icon name="revert" className="size-3.5" />}
          disabled={locked}
          onClick={onRevert}
          aria-label={`Revert ${name} (${word})`}
        >
          Revert
        </Button>
      </div>
    </li>
  );
}

const rowTone: Record<DiffCell['kind'], string> = {
  context: '',
  removed: 'bg-red-50 dark:bg-red-950/60',
  added: 'bg-emerald-50 dark:bg-emerald-950/60',
};

const markTone: Record<DiffCell['kind'], string> = {
  context: '',
  removed: 'bg-red-200 dark:bg-red-800/80',
  added: 'bg-emerald-200 dark:bg-emerald-800/80',
};

const SIGN: Record<DiffCell['kind'], { mark: string; word: string }> = {
  context: { mark: ' ', word: '' },
  removed: { mark: '−', word: 'Removed: ' },
  added: { mark: '+', word: 'Added: ' },
};

const numberClass =
  'w-12 select-none px-2 text-right align-top font-mono text-xs text-zinc-600 tabular-nums dark:text-zinc-400';
const textClass = 'px-2 align-top font-mono text-xs whitespace-pre-wrap break-all [tab-size:4]';

function LineText({ cell }: { cell: DiffCell }) {
  const { text, changed } = cell;
  return (
    <>
      <span className="sr-only">{SIGN[cell.kind].word}</span>
      {changed ? (
        <>
          {text.slice(0, changed[0])}
          <span className={cx('rounded-sm', markTone[cell.kind])}>{text.slice(changed[0], changed[1])}</span>
          {text.slice(changed[1])}
        </>
      ) : (
        text
      )}
      {cell.showEnding && (
        <span className="ml-1.5 rounded bg-zinc-200 px-1 font-sans text-[10px] text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100">
          {cell.ending === 'none' ? 'no newline at end of file' : `${cell.ending} line ending`}
        </span>
      )}
    </>
  );
}

function HunkView({
  hunk,
  index,
  count,
  view,
  rows,
  hidden,
  originalName,
}: {
  hunk: Hunk;
  index: number;
  count: number;
  view: View;
  rows: SplitRow[] | UnifiedRow[];
  hidden: number;
  originalName: string;
}) {
  const label = `Change ${index + 1} of ${count}: imported lines ${hunk.aStart + 1}–${hunk.aStart + hunk.aLength}, draft lines ${hunk.bStart + 1}–${hunk.bStart + hunk.bLength}`;
  if (rows.length === 0) return null;
  return (
    <section
      id={`diff-hunk-${index}`}
      tabIndex={-1}
      aria-label={label}
      className={cx('border-b border-zinc-200 last:border-b-0 dark:border-zinc-800', focusRing)}
    >
      <p className="sticky top-0 z-10 border-b border-zinc-200 bg-blue-50 px-2 py-1 font-mono text-xs text-blue-900 dark:border-zinc-800 dark:bg-blue-950 dark:text-blue-100">
        {hunkHeader(hunk)}
      </p>
      <table className="w-full table-fixed border-collapse">
        {view === 'split' ? (
          <>
            <caption className="sr-only">{label}, side by side</caption>
            <colgroup>
              <col className="w-12" />
              <col />
              <col className="w-12" />
              <col />
            </colgroup>
            <thead className="sr-only">
              <tr>
                <th scope="col">Line in {originalName}</th>
                <th scope="col">As imported</th>
                <th scope="col">Line in the draft</th>
                <th scope="col">In the draft</th>
              </tr>
            </thead>
            <tbody>
              {(rows as SplitRow[]).map((row, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place in the hunk
                <tr key={k}>
                  <td className={cx(numberClass, row.left && rowTone[row.left.kind])}>{row.left?.number}</td>
                  <td
                    className={cx(
                      textClass,
                      'border-r border-zinc-200 dark:border-zinc-800',
                      row.left ? rowTone[row.left.kind] : 'bg-zinc-50 dark:bg-zinc-900',
                    )}
                  >
                    {row.left && <LineText cell={row.left} />}
                  </td>
                  <td className={cx(numberClass, row.right && rowTone[row.right.kind])}>
                    {row.right?.number}
                  </td>
                  <td
                    className={cx(
                      textClass,
                      row.right ? rowTone[row.right.kind] : 'bg-zinc-50 dark:bg-zinc-900',
                    )}
                  >
                    {row.right && <LineText cell={row.right} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </>
        ) : (
          <>
            <caption className="sr-only">{label}, unified</caption>
            <colgroup>
              <col className="w-12" />
              <col className="w-12" />
              <col className="w-6" />
              <col />
            </colgroup>
            <thead className="sr-only">
              <tr>
                <th scope="col">Line in {originalName}</th>
                <th scope="col">Line in the draft</th>
                <th scope="col">Change</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {(rows as UnifiedRow[]).map((row, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place in the hunk
                <tr key={k} className={rowTone[row.cell.kind]}>
                  <td className={numberClass}>{row.oldNumber}</td>
                  <td className={numberClass}>{row.newNumber}</td>
                  <td aria-hidden="true" className="px-1 text-center align-top font-mono text-xs select-none">
                    {SIGN[row.cell.kind].mark}
                  </td>
                  <td className={textClass}>
                    <LineText cell={row.cell} />
                  </td>
                </tr>
              ))}
            </tbody>
          </>
        )}
      </table>
      {hidden > 0 && <p className="sr-only">{plural(hidden, 'line')} of this change not drawn.</p>}
    </section>
  );
}
