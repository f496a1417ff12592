import { readDocument } from '../../core';
import { type ImportRead, type ReadFile, readHere } from '../../features/import-export/read-import';
import type { RoleChoice } from '../document-store';
import type { CheckRequest, Checks } from './analyse';
import type { ImportMessage, ImportReply } from './analysis-protocol';

/** Below this a file reads on the page's thread faster than a worker starts. */
export const WORKER_READ_BYTES = 256 * 1024;

/**
 * Reads a picked or dropped file in a worker of its own, checked against the target and role, with progress;
 * cancelling ends the worker. The page then reads the text once more itself: it needs the document, and
 * copying one out of the worker costs more than reading it. The file's checks go to `checked`, so opening
 * it shows them without checking it again.
 */
export function workerReader(
  target: string,
  role: RoleChoice,
  checked: (request: CheckRequest, checks: Checks) => void,
): ReadFile {
  return (file, progress) => {
    if (typeof Worker === 'undefined' || file.size < WORKER_READ_BYTES) return readHere(file, progress);
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    const result = new Promise<ImportRead>((resolve) => {
      worker.onmessage = (event: MessageEvent<ImportReply>) => {
        const reply = event.data;
        if (reply.kind === 'progress') {
          progress(reply.progress);
          return;
        }
        worker.terminate();
        const { read } = reply;
        if (read.ok) checked(read.checked.request, read.checked.checks);
        resolve(
          read.ok
            ? {
                ok: true,
                candidate: {
                  ...read.candidate,
                  doc: readDocument(read.candidate.text, read.candidate.encoding),
                },
              }
            : read,
        );
      };
      worker.onerror = (event) => {
        worker.terminate();
        resolve({
          ok: false,
          name: file.name,
          message: `${file.name} could not be read (${event.message}). Your document was left as it was.`,
        });
      };
    });
    worker.postMessage({ kind: 'import', request: { file, target, role } } satisfies ImportMessage);
    return { result, cancel: () => worker.terminate() };
  };
}
