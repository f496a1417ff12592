import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
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
  type ReadFile,
  type ReadProgress,
  readHere,
  readImportText,
  tooLarge,
} from './read-import';

export type ImportMode = 'replace' | 'append';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** A file dropped on the page: the dialog reads it as if it had been picked. */
  droppedFile: File | null;
  diagnose: Diagnose;
  onImport: (candidate: ImportCandidate, mode: ImportMode) => void;
  /** How a file is read: off the page's thread for a large one, with progress. */
  readFile?: ReadFile;
}

export function ImportDialog({
  open,
  onClose,
  droppedFile,
  diagnose,
  onImport,
  readFile = readHere,
}: ImportDialogProps) {
  const [picked, setPicked] = useState<ImportRead | null>(null);
  const [pasted, setPasted] = useState('');
  // What the admin touched last decides what is imported: the pasted text or the file.
  const [source, setSource] = useState<'file' | 'paste'>('file');
  const [reading, setReading] = useState<{ name: string; progress: ReadProgress } | null>(null);
  // The file being read: cancelling stops it, and a newer pick makes an older one's answer void.
  const current = useRef<{ cancel(): void } | null>(null);
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
  const read = source === 'paste' && pastedOrRefused ? pastedOrRefused : picked;

  const cancelReading = () => {
    current.current?.cancel();
    current.current = null;
    setReading(null);
  };

  const close = () => {
    cancelReading();
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

  const pickFile = async (file: File | undefined | null) => {
    if (!file) return;
    current.current?.cancel();
    setSource('file');
    setReading({ name: file.name, progress: { done: 0, stage: 'Loading the file' } });
    const reading = readFile(file, (progress) => {
      if (current.current === reading) setReading({ name: file.name, progress });
    });
    current.current = reading;
    const result = await reading.result;
    if (current.current !== reading) return;
    current.current = null;
    setPicked(result);
    setReading(null);
  };

  // A dropped file is read once, when it arrives; the dialog's own effects never read it twice.
  const readDropped = useRef(pickFile);
  readDropped.current = pickFile;
  useEffect(() => {
    if (droppedFile) void readDropped.current(droppedFile);
  }, [droppedFile]);
  useEffect(() => () => current.current?.cancel(), []);

  const candidate = read?.ok ? read.candidate : null;
  const problems = useMemo(
    () => (candidate ? (candidate.problems ?? diagnose(candidate.doc)) : []),
    [candidate, diagnose],
  );

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

        {reading && (
          <div className="grid gap-1.5" data-testid="import-progress">
            <div className="flex items-center gap-3">
              <progress
                aria-label={`Reading ${reading.name}`}
                value={Math.round(reading.progress.done * 100)}
                max={100}
                className="h-2 min-w-0 flex-1 accent-blue-600"
              />
              <Button size="sm" onClick={cancelReading}>
                Cancel reading
              </Button>
            </div>
            <p className="text-[13px] text-zinc-600 dark:text-zinc-400" aria-live="polite">
              <VisibleText text={`${reading.progress.stage}: ${reading.name}…`} /> Your document stays as it
              is until you open the file.
            </p>
          </div>
        )}

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
            problems={problems}
          />
        )}
      </div>
    </Dialog>
  );
}
