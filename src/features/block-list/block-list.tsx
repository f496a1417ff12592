import { useVirtualizer } from '@tanstack/react-virtual';
import { type DragEvent, type KeyboardEvent, memo, useEffect, useMemo, useRef, useState } from 'react';
import { Badge } from '../../components/badge';
import { IconButton } from '../../components/button';
import { cx } from '../../components/cx';
import { Icon } from '../../components/icon';
import { SeverityIcon } from '../../components/severity';
import { rangeKeeping } from '../../components/virtual-range';
import { VisibleText } from '../../components/visible-text';
import { type BlockKind, revealHidden, type Severity } from '../../core';

export type ResponseMode = 'stateful' | 'stateless' | 'disabled';

export interface BlockListItem {
  index: number;
  kind: BlockKind;
  title: string | undefined;
  detail: string;
  mode: ResponseMode | null;
  /** The daemon does not read the block (outside an `<ossec_config>` root). */
  ignored: boolean;
  problems: Record<Severity, number>;
  /** The row stands for a group of identical responses for different agents, this block first. */
  group?: { agents: string[]; members: number[] };
  /** A later member of the group headed by this block index: that row shows it. */
  memberOf?: number;
}

export interface BlockListProps {
  items: BlockListItem[];
  selected: number | null;
  onSelect: (index: number) => void;
  onAdd: (kind: BlockKind) => void;
  onDuplicate: (index: number) => void;
  onDelete: (index: number) => void;
  onMove: (index: number, toIndex: number) => void;
  /** Block edits wait while the text does not read; selection still works. */
  readOnly: boolean;
}

const DRAG_TYPE = 'application/x-ar-studio-block';

/** A row of two lines; rows with more badges are measured as they render. */
const ROW_ESTIMATE = 48;
/** The list's padding above its first row and below its last. */
const LIST_PADDING = 4;

export function BlockList({
  items,
  selected,
  onSelect,
  onAdd,
  onDuplicate,
  onDelete,
  onMove,
  readOnly,
}: BlockListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  // A group shows as the row of its first member; selecting any member selects that row.
  const rows = useMemo(() => items.filter((item) => item.memberOf === undefined), [items]);
  const current =
    selected !== null && selected < items.length ? (items[selected].memberOf ?? selected) : null;
  const currentItem = current === null ? undefined : items[current];
  const position = current === null ? -1 : rows.findIndex((row) => row.index === current);
  /** The block index a row move lands on: a group's last member when moving down past it. */
  const neighbour = (index: number, step: -1 | 1): number | null => {
    const at = rows.findIndex((row) => row.index === index);
    const next = rows[at + step];
    if (!next) return null;
    return step === 1 ? Math.max(next.index, ...(next.group?.members ?? [])) : next.index;
  };

  // The one tab stop of the list: the selected row, or the first one.
  const tabStop = position === -1 ? 0 : position;
  // Only the rows in view are in the DOM (a file can have tens of thousands); the tab stop always is.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (at) => rows[at]?.index ?? at,
    indexAttribute: 'data-row',
    gap: 1,
    paddingStart: LIST_PADDING,
    paddingEnd: LIST_PADDING,
    scrollPaddingStart: LIST_PADDING,
    scrollPaddingEnd: LIST_PADDING,
    overscan: 6,
    rangeExtractor: useMemo(() => rangeKeeping([tabStop]), [tabStop]),
  });

  // The selected row comes into view however it was selected: the arrows, a problem, the XML view.
  useEffect(() => {
    if (position !== -1) virtualizer.scrollToIndex(position, { align: 'auto' });
  }, [position, virtualizer]);

  // The row of a selected block is always rendered (it is the tab stop), so it is there once React commits.
  const focusOption = (index: number) => {
    requestAnimationFrame(() => {
      listRef.current?.querySelector<HTMLElement>(`[data-block="${index}"]`)?.focus();
    });
  };

  const select = (index: number) => {
    onSelect(index);
    focusOption(index);
  };

  const drop = (from: number, toIndex: number) => {
    // A group's members may lie apart: they are moved one by one, in the XML.
    if (readOnly || toIndex === from || toIndex < 0 || toIndex >= items.length || items[from]?.group) return;
    onMove(from, toIndex);
    focusOption(toIndex);
  };
  const move = (index: number, step: -1 | 1) => {
    const toIndex = neighbour(index, step);
    if (toIndex !== null) drop(index, toIndex);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const at = rows.findIndex((row) => row.index === index);
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(index, event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, event.key === 'ArrowUp' ? at - 1 : at + 1));
      select(rows[next].index);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select(rows[event.key === 'Home' ? 0 : rows.length - 1].index);
    } else if (event.key === 'Delete' && !readOnly) {
      event.preventDefault();
      onDelete(index);
    }
  };

  // Rows get one stable set of handlers that read the latest props, so a row re-renders only when its
  // own block changes; on a file with thousands of blocks that keeps typing responsive.
  const latest = useRef({ onSelect, onKeyDown, drop, setDropAt });
  latest.current = { onSelect, onKeyDown, drop, setDropAt };
  const actions = useMemo<RowActions>(
    () => ({
      select: (index) => latest.current.onSelect(index),
      keyDown: (event, index) => latest.current.onKeyDown(event, index),
      dragOver: (index) => latest.current.setDropAt(index),
      drop: (from, at) => {
        latest.current.setDropAt(null);
        latest.current.drop(from, at > from ? at - 1 : at);
      },
      dragEnd: () => latest.current.setDropAt(null),
    }),
    [],
  );

  return (
    <section aria-labelledby="blocks-title" className="flex h-full min-h-0 flex-col">
      <header className="flex h-9 shrink-0 items-center gap-1 border-b border-zinc-200 pr-1.5 pl-3 dark:border-zinc-800">
        <h2
          id="blocks-title"
          className="flex-1 text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300"
        >
          Blocks <span className="font-normal text-zinc-600 dark:text-zinc-400">{items.length}</span>
        </h2>
        <IconButton
          size="sm"
          label="Duplicate the selected block"
          icon={<Icon name="copy" className="size-3.5" />}
          disabled={readOnly || current === null || currentItem?.group !== undefined}
          onClick={() => current !== null && onDuplicate(current)}
        />
        <IconButton
          size="sm"
          label="Move the selected block up (Alt+↑)"
          icon={<Icon name="up" className="size-3.5" />}
          disabled={readOnly || position <= 0 || currentItem?.group !== undefined}
          onClick={() => current !== null && move(current, -1)}
        />
        <IconButton
          size="sm"
          label="Move the selected block down (Alt+↓)"
          icon={<Icon name="down" className="size-3.5" />}
          disabled={
            readOnly || position === -1 || position === rows.length - 1 || currentItem?.group !== undefined
          }
          onClick={() => current !== null && move(current, 1)}
        />
        <IconButton
          size="sm"
          label={currentItem?.group ? 'Delete the selected group of responses' : 'Delete the selected block'}
          icon={<Icon name="trash" className="size-3.5" />}
          disabled={readOnly || current === null}
          onClick={() => current !== null && onDelete(current)}
        />
      </header>
      <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-auto">
        {items.length === 0 && (
          <p className="px-3 py-4 text-[13px] text-zinc-600 dark:text-zinc-400">
            No <code className="font-mono">&lt;command&gt;</code> or{' '}
            <code className="font-mono">&lt;active-response&gt;</code> blocks yet. Add one below, insert a
            template, or import a file.
          </p>
        )}
        {items.length > 0 && (
          <div
            ref={listRef}
            role="listbox"
            aria-labelledby="blocks-title"
            aria-describedby="blocks-keys"
            className="relative"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map(({ index: at, start }) => {
              const item = rows[at];
              return (
                <BlockRow
                  key={item.index}
                  item={item}
                  position={at}
                  setSize={rows.length}
                  start={start}
                  measure={virtualizer.measureElement}
                  selected={item.index === current}
                  tabbable={at === tabStop}
                  readOnly={readOnly}
                  dropBefore={dropAt === item.index}
                  dropAfter={dropAt === item.index + 1}
                  actions={actions}
                />
              );
            })}
          </div>
        )}
        <p id="blocks-keys" className="sr-only">
          Arrow keys select a block; Alt+Arrow up or down moves it; Delete removes it. Blocks can also be
          dragged.
        </p>
      </div>
      <footer className="flex shrink-0 gap-1.5 border-t border-zinc-200 p-2 dark:border-zinc-800">
        <button type="button" disabled={readOnly} onClick={() => onAdd('command')} className={addClass}>
          <Icon name="plus" className="size-3.5" /> Add command
        </button>
        <button
          type="button"
          disabled={readOnly}
          onClick={() => onAdd('active-response')}
          className={addClass}
        >
          <Icon name="plus" className="size-3.5" /> Add response
        </button>
      </footer>
    </section>
  );
}

interface RowActions {
  select: (index: number) => void;
  keyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
  dragOver: (index: number) => void;
  drop: (from: number, at: number) => void;
  dragEnd: () => void;
}

interface RowProps {
  item: BlockListItem;
  /** The row's place in the list (0-based) and the list's length, for assistive technology. */
  position: number;
  setSize: number;
  /** Where the row starts in the list, in pixels. */
  start: number;
  measure: (row: HTMLElement | null) => void;
  selected: boolean;
  tabbable: boolean;
  readOnly: boolean;
  dropBefore: boolean;
  dropAfter: boolean;
  actions: RowActions;
}

function dropIndex(event: DragEvent<HTMLDivElement>, index: number): number {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY > box.top + box.height / 2 ? index + 1 : index;
}

/** Whether two rows show the same: a row that is kept, not redrawn. */
export function sameItem(a: BlockListItem, b: BlockListItem): boolean {
  return (
    a.index === b.index &&
    a.kind === b.kind &&
    a.title === b.title &&
    a.detail === b.detail &&
    a.mode === b.mode &&
    a.ignored === b.ignored &&
    a.memberOf === b.memberOf &&
    a.problems.error === b.problems.error &&
    a.problems.warning === b.problems.warning &&
    a.problems.info === b.problems.info &&
    a.group?.agents.join() === b.group?.agents.join() &&
    a.group?.members.join() === b.group?.members.join()
  );
}

const BlockRow = memo(
  function BlockRow({
    item,
    position,
    setSize,
    start,
    measure,
    selected,
    tabbable,
    readOnly,
    dropBefore,
    dropAfter,
    actions,
  }: RowProps) {
    const worst: Severity | null =
      item.problems.error > 0 ? 'error' : item.problems.warning > 0 ? 'warning' : null;
    const problemTotal = item.problems.error + item.problems.warning + item.problems.info;
    return (
      <div
        ref={measure}
        role="option"
        aria-selected={selected}
        aria-posinset={position + 1}
        aria-setsize={setSize}
        data-row={position}
        data-block={item.index}
        style={{ transform: `translateY(${start}px)` }}
        tabIndex={tabbable ? 0 : -1}
        draggable={!readOnly}
        onClick={() => actions.select(item.index)}
        onKeyDown={(event) => actions.keyDown(event, item.index)}
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, String(item.index));
          event.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
          event.preventDefault();
          actions.dragOver(dropIndex(event, item.index));
        }}
        onDragLeave={actions.dragEnd}
        onDrop={(event) => {
          const from = Number(event.dataTransfer.getData(DRAG_TYPE));
          if (!event.dataTransfer.types.includes(DRAG_TYPE) || Number.isNaN(from)) return;
          event.preventDefault();
          actions.drop(from, dropIndex(event, item.index));
        }}
        onDragEnd={actions.dragEnd}
        className={cx(
          'group absolute inset-x-1.5 top-0 flex cursor-default items-start gap-2 rounded-md px-2 py-1.5 outline-none select-none',
          'focus-visible:ring-2 focus-visible:ring-blue-600 dark:focus-visible:ring-blue-400',
          selected
            ? 'bg-blue-50 ring-1 ring-blue-200 dark:bg-blue-950/60 dark:ring-blue-900'
            : 'hover:bg-zinc-100 dark:hover:bg-zinc-800/60',
          dropBefore && 'before:absolute before:inset-x-1 before:-top-px before:h-0.5 before:bg-blue-600',
          dropAfter && 'after:absolute after:inset-x-1 after:-bottom-px after:h-0.5 after:bg-blue-600',
        )}
      >
        <Icon
          name="grip"
          className="mt-0.5 size-3.5 text-zinc-400 opacity-0 group-hover:opacity-100 dark:text-zinc-500"
        />
        <span className="min-w-0 flex-1">
          <span className="flex min-w-0 items-center gap-1.5">
            <Badge tone={item.kind === 'command' ? 'violet' : 'blue'}>
              {item.kind === 'command' ? 'command' : 'response'}
            </Badge>
            <span
              title={item.title}
              className={cx(
                'min-w-0 truncate font-mono text-[13px]',
                item.title === undefined || item.title === ''
                  ? 'text-zinc-600 italic dark:text-zinc-400'
                  : 'text-zinc-900 dark:text-zinc-100',
              )}
            >
              {item.title === undefined ? (
                '(no name)'
              ) : item.title === '' ? (
                '(empty)'
              ) : (
                <VisibleText text={item.title} />
              )}
            </span>
          </span>
          <span className="mt-0.5 flex min-w-0 items-center gap-1.5">
            {item.group && (
              <Badge tone="violet" title={`${item.group.members.length} identical responses, one per agent`}>
                {item.group.members.length} agents
              </Badge>
            )}
            <span
              title={revealHidden(item.detail)}
              className="block min-w-0 truncate text-xs text-zinc-600 dark:text-zinc-400"
            >
              <VisibleText text={item.detail} />
            </span>
          </span>
        </span>
        <span className="flex shrink-0 flex-col items-end gap-1">
          {item.mode && <Badge tone={item.mode === 'stateful' ? 'green' : 'neutral'}>{item.mode}</Badge>}
          {item.ignored && <Badge tone="amber">not read</Badge>}
          {worst && (
            <span className="inline-flex items-center gap-0.5 text-xs tabular-nums">
              <SeverityIcon severity={worst} className="[&_svg]:size-3.5" />
              <span className="text-zinc-700 dark:text-zinc-300">{problemTotal}</span>
              <span className="sr-only">{problemTotal === 1 ? 'problem' : 'problems'}</span>
            </span>
          )}
        </span>
      </div>
    );
  },
  (a, b) =>
    sameItem(a.item, b.item) &&
    a.position === b.position &&
    a.setSize === b.setSize &&
    a.start === b.start &&
    a.measure === b.measure &&
    a.selected === b.selected &&
    a.tabbable === b.tabbable &&
    a.readOnly === b.readOnly &&
    a.dropBefore === b.dropBefore &&
    a.dropAfter === b.dropAfter &&
    a.actions === b.actions,
);

const addClass = cx(
  'inline-flex h-7 flex-1 items-center justify-center gap-1 rounded-md border border-dashed text-xs font-medium',
  'border-zinc-300 text-zinc-700 hover:border-zinc-400 hover:bg-zinc-50',
  'dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-zinc-600 dark:hover:bg-zinc-800/60',
  'disabled:cursor-not-allowed disabled:opacity-50',
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400',
);
