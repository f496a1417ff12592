import { Button, IconButton } from '../../components/button';
import { Icon } from '../../components/icon';

export interface DraftNoticeItem {
  id: string;
  message: string;
  /** The stored data can be downloaded as it was found. */
  canDownload: boolean;
  /** A copy is kept aside in the browser and can be deleted once downloaded. */
  canDelete: boolean;
}

export interface DraftNoticesProps {
  notices: DraftNoticeItem[];
  /** Whether this tab edits the draft, or another tab does ('taken': it took over from this one). */
  tab: { role: 'editing' | 'waiting'; why: 'started' | 'taken' | 'granted' | 'took' };
  onTakeOver: () => void;
  onDownload: (id: string) => void;
  onDelete: (id: string) => void;
  onDismiss: (id: string) => void;
}

/** What the page could not restore, and whether another tab is editing: one line each, under the header. */
export function DraftNotices({
  notices,
  tab,
  onTakeOver,
  onDownload,
  onDelete,
  onDismiss,
}: DraftNoticesProps) {
  if (notices.length === 0 && tab.role === 'editing') return null;
  return (
    <div className="shrink-0 divide-y divide-amber-200 border-b border-amber-300 bg-amber-50 text-[13px] text-amber-950 dark:divide-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      {tab.role === 'waiting' && (
        <div role="status" className="flex flex-wrap items-center gap-2 px-3 py-1.5" data-testid="tab-notice">
          <Icon name="lock" className="size-3.5" />
          <p className="min-w-48 flex-1">
            {tab.why === 'taken'
              ? 'Another tab took over editing this draft. This tab is read-only now and shows what that tab saves.'
              : 'Another tab is editing this draft. This tab is read-only and shows what that tab saves.'}
          </p>
          <Button size="sm" variant="primary" onClick={onTakeOver}>
            Take over editing
          </Button>
        </div>
      )}
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="flex flex-wrap items-center gap-2 px-3 py-1.5">
          <Icon name="warning" className="size-3.5" />
          <p className="min-w-48 flex-1">{notice.message}</p>
          {notice.canDownload && (
            <Button
              size="sm"
              icon={<Icon name="download" className="size-3.5" />}
              onClick={() => onDownload(notice.id)}
            >
              Download what was stored
            </Button>
          )}
          {notice.canDelete && (
            <Button size="sm" variant="ghost" onClick={() => onDelete(notice.id)}>
              Delete the kept copy
            </Button>
          )}
          <IconButton
            size="sm"
            label="Dismiss this message"
            icon={<Icon name="x" className="size-3.5" />}
            onClick={() => onDismiss(notice.id)}
          />
        </div>
      ))}
    </div>
  );
}
