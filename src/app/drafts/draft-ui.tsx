import { downloadBytes } from '../../components/download';
import type { ConfigDocument } from '../../core';
import { DraftNotices } from '../../features/drafts/draft-notices';
import { RecentMenu } from '../../features/recent/recent-menu';
import { RECENT_LIMIT } from './draft-format';
import type { DraftNotice } from './draft-session';
import { useDrafts, useDraftsView } from './drafts-context';

/** The stored data exactly as it was found: a string as it was (it may not even be JSON), anything else as JSON. */
function payloadText(data: unknown): string {
  if (typeof data === 'string') return data;
  try {
    return JSON.stringify(data, null, 2) ?? String(data);
  } catch {
    return String(data);
  }
}

function download(notice: DraftNotice) {
  if (!notice.payload) return;
  const day = (notice.payload.keptAt || new Date().toISOString()).slice(0, 19).replaceAll(':', '-');
  downloadBytes(
    new TextEncoder().encode(payloadText(notice.payload.data)),
    `ar-studio-unreadable-draft-${day}.json`,
    'application/json',
  );
}

/** What could not be restored and who edits the draft, under the header. */
export function DraftBar() {
  const drafts = useDrafts();
  const view = useDraftsView();
  return (
    <DraftNotices
      notices={view.notices.map((n) => ({
        id: n.id,
        message: n.message,
        canDownload: n.payload !== null,
        canDelete: n.asideKey !== null,
      }))}
      tab={view.tab}
      onTakeOver={() => void drafts.takeOver()}
      onDownload={(id) => {
        const notice = view.notices.find((n) => n.id === id);
        if (notice) download(notice);
      }}
      onDelete={drafts.deleteAside}
      onDismiss={drafts.dismiss}
    />
  );
}

/** The header's Recent menu, without the document on screen (after an undo it may be in the list too). */
export function RecentControl({
  current,
  currentDocumentId,
  disabled,
}: {
  current: ConfigDocument;
  currentDocumentId: string;
  disabled: boolean;
}) {
  const drafts = useDrafts();
  const view = useDraftsView();
  return (
    <RecentMenu
      items={view.recent.filter((e) => e.documentId !== currentDocumentId)}
      limit={RECENT_LIMIT}
      disabled={disabled}
      onOpen={(id) => void drafts.openRecent(id, current)}
      onClear={drafts.clearRecent}
    />
  );
}

/** The footer's word on the draft: saved, saving, or why not. */
export function SaveStatus() {
  const { save } = useDraftsView();
  const text =
    save.kind === 'pending'
      ? 'Saving the draft…'
      : save.kind === 'saved'
        ? (save.note ?? 'Draft saved in this browser')
        : save.reason;
  const warn = save.kind === 'off' || save.kind === 'failed' || (save.kind === 'saved' && save.note !== null);
  return (
    <span
      data-testid="save-status"
      title={text}
      className={warn ? 'min-w-0 truncate text-amber-800 dark:text-amber-300' : 'min-w-0 truncate'}
    >
      {text}
    </span>
  );
}
