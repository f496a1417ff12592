import { useMemo } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ImportSummary } from '../../components/import-summary';
import {
  encodeText,
  readDocument,
  type SharedDraft,
  type SharedRead,
  targetOrDefault,
  validate,
} from '../../core';

export interface OpenSharedDialogProps {
  read: SharedRead;
  /** The target this page checks against now, kept when the link names none this version knows. */
  currentTarget: string;
  /** Another tab edits the draft: opening the link here takes over editing first. */
  readOnly?: boolean;
  onOpen: (draft: SharedDraft) => void | Promise<void>;
  onClose: () => void;
}

/**
 * What a shared link holds, shown before it replaces anything: the import summary checked against the
 * link's own target and role. A link that cannot be read says why and changes nothing.
 */
export function OpenSharedDialog({
  read,
  currentTarget,
  readOnly = false,
  onOpen,
  onClose,
}: OpenSharedDialogProps) {
  const draft = read.ok ? read.draft : null;
  const summary = useMemo(() => {
    if (!draft) return null;
    const doc = readDocument(draft.text, draft.encoding, draft.snippet);
    const target = targetOrDefault(draft.target || currentTarget);
    return {
      doc,
      target,
      problems: validate(doc, { target, role: draft.role }),
      size: encodeText(draft.text, draft.encoding).length,
    };
  }, [draft, currentTarget]);

  if (!read.ok || !draft || !summary) {
    return (
      <Dialog
        open
        onClose={onClose}
        title="This link cannot be opened"
        footer={
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        }
      >
        <div className="grid gap-2 text-[13px]">
          <p role="alert" className="text-red-800 dark:text-red-300">
            {read.ok ? '' : read.message}
          </p>
          <p className="text-zinc-600 dark:text-zinc-400">Your draft was left as it was.</p>
        </div>
      </Dialog>
    );
  }

  const role = draft.role === 'auto' ? 'the role read from the file' : `the ${draft.role} role`;
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title="Open a shared draft"
      description="Someone shared this draft as a link. It came inside the link itself: nothing was fetched from a server."
      footer={
        <>
          <Button onClick={onClose}>Keep my draft</Button>
          <Button variant="primary" onClick={() => void onOpen(draft)}>
            {readOnly ? 'Take over editing and open' : 'Open as the document'}
          </Button>
        </>
      }
    >
      <div className="grid gap-3 text-[13px]">
        <ImportSummary
          name={draft.name}
          size={summary.size}
          encoding={draft.encoding}
          doc={summary.doc}
          problems={summary.problems}
          context={`Checked as ${summary.target.label}, ${role}, as the link asks.`}
        />
        {read.notes.map((note) => (
          <p key={note} className="text-xs text-amber-800 dark:text-amber-300">
            {note}
          </p>
        ))}
        {readOnly && (
          <p className="text-xs text-amber-800 dark:text-amber-300">
            Another tab is editing your draft. Opening the link here takes over editing; that tab keeps what
            it saved and becomes read-only.
          </p>
        )}
        <p className="text-zinc-600 dark:text-zinc-400">
          Opening it replaces your current draft in one step: it goes to Recent, and Undo (Ctrl+Z) brings it
          back.
        </p>
      </div>
    </Dialog>
  );
}
