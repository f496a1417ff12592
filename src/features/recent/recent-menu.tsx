import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { focusRing } from '../../components/focus-ring';
import { Icon } from '../../components/icon';
import { useMenu } from '../../components/use-menu';

export interface RecentItem {
  documentId: string;
  name: string;
  /** When the document was put aside (ISO time). */
  savedAt: string;
  /** Bytes, as the document would be exported. */
  size: number;
  blocks: number;
}

export interface RecentMenuProps {
  items: RecentItem[];
  /** How many documents Recent keeps at most, for the hint. */
  limit: number;
  disabled?: boolean;
  onOpen: (documentId: string) => void;
  onClear: () => void;
  now?: () => Date;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday"; a full date past a week. */
export function formatAge(savedAt: string, now: Date): string {
  const at = new Date(savedAt);
  const seconds = (now.getTime() - at.getTime()) / 1000;
  if (!Number.isFinite(seconds)) return 'at an unknown time';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return relative.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return relative.format(-Math.floor(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return relative.format(-Math.floor(seconds / 86_400), 'day');
  return at.toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The documents the admin had before this one ("New", an import or another recent one replaced them). */
export function RecentMenu({
  items,
  limit,
  disabled,
  onOpen,
  onClear,
  now = () => new Date(),
}: RecentMenuProps) {
  const { open, setOpen, root } = useMenu<HTMLDivElement>();

  const at = now();
  return (
    <div ref={root} className="relative">
      <Button
        variant="ghost"
        icon={<Icon name="clock" className="size-3.5" />}
        aria-expanded={open}
        aria-controls="recent-menu"
        disabled={disabled}
        onClick={() => setOpen((v) => !v)}
      >
        Recent
        <Icon name="chevron" className="size-3.5" />
      </Button>
      {open && (
        <div
          id="recent-menu"
          className="absolute left-0 z-30 mt-1 w-80 max-w-[calc(100vw-1.5rem)] rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <p className="px-2 pt-1.5 pb-1 text-xs text-zinc-600 dark:text-zinc-400">
            {items.length === 0
              ? `No earlier documents yet. When "New", an import or a recent document replaces the one you have, it is kept here (the last ${limit}).`
              : 'Earlier documents, kept in this browser. Opening one keeps the current one here; undo goes back.'}
          </p>
          {items.length > 0 && (
            <ul aria-label="Recent documents">
              {items.map((item) => (
                <li key={item.documentId}>
                  <button
                    type="button"
                    title={`${item.name}, put aside ${new Date(item.savedAt).toLocaleString('en')}`}
                    onClick={() => {
                      setOpen(false);
                      onOpen(item.documentId);
                    }}
                    className={cx(
                      'flex w-full items-start gap-2 rounded px-2 py-1.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800',
                      focusRing,
                    )}
                  >
                    <Icon name="file" className="mt-0.5 size-3.5 text-zinc-600 dark:text-zinc-400" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-mono text-[13px] font-medium">{item.name}</span>
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                        {formatAge(item.savedAt, at)} · {formatSize(item.size)} · {item.blocks}{' '}
                        {item.blocks === 1 ? 'block' : 'blocks'}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {items.length > 0 && (
            <div className="mt-1 border-t border-zinc-200 px-1 pt-1 dark:border-zinc-700">
              <Button
                size="sm"
                variant="ghost"
                icon={<Icon name="trash" className="size-3.5" />}
                onClick={() => {
                  setOpen(false);
                  onClear();
                }}
              >
                Forget these documents
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
