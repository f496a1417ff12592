import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { downloadBytes } from '../../components/download';
import { inputClass } from '../../components/field';
import {
  encodeShareFragment,
  encodeText,
  formatSize,
  parseTarget,
  SHARE_LINK_LIMIT,
  type SharedDraft,
} from '../../core';

export interface ShareDialogProps {
  open: boolean;
  onClose: () => void;
  draft: SharedDraft;
  onStatus: (message: string) => void;
}

/** The page's own address with the draft in its fragment. */
export function shareUrl(
  fragment: string,
  location: Pick<Location, 'origin' | 'pathname' | 'search'>,
): string {
  return `${location.origin}${location.pathname}${location.search}#${fragment}`;
}

type Built = { link: string } | { error: string };

/**
 * "Copy link": the draft packed into a link that opens it in another browser. Nothing is uploaded, and
 * the dialog says so; a draft too large for a link is offered as the file instead.
 */
export function ShareDialog({ open, onClose, draft, onStatus }: ShareDialogProps) {
  const [built, setBuilt] = useState<Built | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();

  const { name, text, encoding, snippet, target, role } = draft;
  useEffect(() => {
    let current = true;
    setBuilt(null);
    encodeShareFragment({ name, text, encoding, snippet, target, role }).then(
      (fragment) => current && setBuilt({ link: shareUrl(fragment, window.location) }),
      (error: unknown) => current && setBuilt({ error: `The link could not be made (${String(error)}).` }),
    );
    return () => {
      current = false;
    };
  }, [name, text, encoding, snippet, target, role]);

  const link = built && 'link' in built ? built.link : null;
  const tooLong = link !== null && link.length > SHARE_LINK_LIMIT;
  const bytes = encodeText(draft.text, draft.encoding).length;
  let targetLabel = 'the target you pick';
  try {
    targetLabel = parseTarget(draft.target).label;
  } catch {
    // An unknown target travels as written; the receiving page keeps its own.
  }

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied. Paste the link where you want to share the draft.');
      onStatus('Copied a link to this draft.');
    } catch {
      field.current?.select();
      setCopied('The browser refused clipboard access: the link is selected, press Ctrl+C (⌘C) to copy it.');
    }
  };

  const download = () => {
    downloadBytes(encodeText(draft.text, draft.encoding), draft.name);
    onStatus(`Downloaded ${draft.name}.`);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Share this draft as a link"
      description="The draft travels inside the link, after the #. Browsers never send that part to a server, and AR Studio sends nothing anywhere."
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          {tooLong ? (
            <Button variant="primary" onClick={download}>
              Download {draft.name}
            </Button>
          ) : (
            <Button variant="primary" disabled={!link} onClick={copy}>
              Copy link
            </Button>
          )}
        </>
      }
    >
      <div className="grid gap-3 text-[13px]">
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
          <dt className="text-zinc-600 dark:text-zinc-400">File</dt>
          <dd className="font-mono">{draft.name}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Checked as</dt>
          <dd>
            {targetLabel}, role {draft.role === 'auto' ? 'read from the file' : draft.role}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Size</dt>
          <dd>
            {formatSize(bytes)}, {draft.encoding === 'utf-8' ? 'UTF-8' : 'Latin-1'}
            {link && `, a link of ${link.length.toLocaleString('en')} characters`}
          </dd>
        </dl>
        {!built && <p className="text-zinc-600 dark:text-zinc-400">Packing the draft…</p>}
        {built && 'error' in built && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {built.error}
          </p>
        )}
        {link && !tooLong && (
          <div className="grid gap-1.5">
            <label htmlFor={fieldId} className="font-medium">
              Link
            </label>
            <input
              id={fieldId}
              ref={field}
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
              className={inputClass}
              data-testid="share-link"
            />
          </div>
        )}
        {tooLong && link && (
          <p
            role="alert"
            className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            This draft makes a link of {link.length.toLocaleString('en')} characters. Links longer than{' '}
            {SHARE_LINK_LIMIT.toLocaleString('en')} characters get cut off by the chat and mail programs that
            carry them, so AR Studio does not offer one: send the file instead.
          </p>
        )}
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Anyone who has the link can read the whole file, including any addresses, e-mail settings or keys in
          it: share it as you would share the file. Opening it shows what it holds before it replaces
          anything.
        </p>
        <p aria-live="polite" className="min-h-4 text-xs text-zinc-700 dark:text-zinc-300">
          {copied}
        </p>
      </div>
    </Dialog>
  );
}
