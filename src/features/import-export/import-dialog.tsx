import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Dialog } from '../../components/dialog';
import { inputClass } from '../../components/field';
import { focusRing } from '../../components/focus-ring';
import { ImportSummary } from '../../components/import-summary';
import { VisibleText } from '../../components/visible-text';
import { textTooLarge, utf8Length } from '../../core';
import {
  type Diagnose,
  type ImportCandidate,
  type ImportRead,
  readImportFile,
  readImportText,
  tooLarge,
} from './read-import';

export type ImportMode = 'replace' | 'append';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** A file dropped on the page, already read, waiting for the user's decision. */
  dropped: ImportRead | null;
  diagnose: Diagnose;
  onImport: (candidate: ImportCandidate, mode: ImportMode) => void;
}

export function ImportDialog({ open, onClose, dropped, diagnose, onImport }: ImportDialogProps) {
  const [picked, setPicked] = useState<ImportRead | null>(null);
  const [pasted, setPasted] = useState('');
  // What the admin touched last decides what is imported: the pasted text or the file.
  const [source, setSource] = useState<'file' | 'paste'>('file');
  const [reading, setReading] = useState(false);
  const fileId = useId();
  const pasteId = useId();
  // Pasted text is read as it comes, a moment behind the typing on a large paste.
  const deferredPaste = useDeferredValue(pasted);
  const pastedRead = useMemo(
    () => (deferredPaste === '' ? null : readImportText(deferredPaste, 'Pasted text')),
    [deferredPaste],
  );
  // A paste over the size limit never enters the text box: it is refused at once, as a file that size is.
  const [pasteRefused, setPasteRefused] = useState<ImportRead | null>(null);
  const pastedOrRefused = pasteRefused ?? pastedRead;
  const read = source === 'paste' && pastedOrRefused ? pastedOrRefused : (picked ?? dropped);

  const close = () => {
    setPicked(null);
    setPasted('');
    setPasteRefused(null);
    onClose();
  };

  const paste = (text: string) => {
    const tooBig = textTooLarge(text);
    setPasteRefused(tooBig ? tooLarge('The pasted text', utf8Length(text)) : null);
    if (!tooBig) setPasted(text);
  };

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setSource('file');
    setReading(true);
    setPicked(await readImportFile(file));
    setReading(false);
  };

  const candidate = read?.ok ? read.candidate : null;

  return (
    <Dialog
      open={open}
      onClose={close}
      size="lg"
      title="Import"
      description="Open an ossec.conf or a fragment of <command> and <active-response> blocks. Nothing leaves this browser."
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button disabled={!candidate} onClick={() => candidate && onImport(candidate, 'append')}>
            Add its blocks to this document
          </Button>
          <Button
            variant="primary"
            disabled={!candidate}
            onClick={() => candidate && onImport(candidate, 'replace')}
          >
            Open as the document
          </Button>
        </>
      }
    >
      <div className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid content-start gap-1.5">
            <label htmlFor={fileId} className="text-[13px] font-medium">
              A file
            </label>
            <input
              id={fileId}
              type="file"
              accept=".conf,.xml,.txt,text/xml,application/xml,text/plain"
              onChange={(event) => pickFile(event.target.files?.[0])}
              className={cx(
                'block w-full text-[13px] text-zinc-700 file:mr-3 file:h-8 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:text-[13px] file:font-medium file:text-zinc-800 hover:file:bg-zinc-50',
                'dark:text-zinc-300 dark:file:border-zinc-700 dark:file:bg-zinc-800 dark:file:text-zinc-100',
                focusRing,
              )}
            />
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Or drop a file anywhere on the page. UTF-8 and Latin-1 files are kept byte for byte.
            </p>
          </div>
          <div className="grid gap-1.5">
            <label htmlFor={pasteId} className="text-[13px] font-medium">
              Pasted XML
            </label>
            <textarea
              id={pasteId}
              value={pasted}
              onChange={(event) => {
                paste(event.target.value);
                setSource('paste');
              }}
              rows={5}
              spellCheck={false}
              className={cx(inputClass, 'h-auto py-1.5 text-xs')}
              placeholder="<command>…</command>"
            />
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Read as you paste: check the summary below, then open it or add its blocks.
            </p>
          </div>
        </div>

        {reading && <p className="text-[13px] text-zinc-600 dark:text-zinc-400">Reading…</p>}

        {read && !read.ok && (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 p-3 text-[13px] text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            <VisibleText text={read.message} />
          </p>
        )}

        {candidate && (
          <ImportSummary
            name={candidate.name}
            size={candidate.size}
            encoding={candidate.encoding}
            encodingProblem={candidate.encodingProblem}
            doc={candidate.doc}
            problems={diagnose(candidate.doc)}
          />
        )}
      </div>
    </Dialog>
  );
}
