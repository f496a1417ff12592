/**
 * The page's checks and simulations, off the main thread: a slow check or a simulation that runs long never
 * holds up typing, and the page stops a run that exceeds its budget by ending this worker. A worker of
 * its own reads an imported file, so cancelling that is ending it.
 */

import { createChecks, importFile } from './analyse';
import {
  type AnalysisMessage,
  type AnalysisReply,
  answer,
  type ImportMessage,
  type ImportReply,
} from './analysis-protocol';

const checks = createChecks();
// The app's type library is the page's (DOM); a worker's scope has the same two members this uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisMessage | ImportMessage>) => void) | null;
  postMessage(reply: AnalysisReply | ImportReply): void;
};

scope.onmessage = (event: MessageEvent<AnalysisMessage | ImportMessage>) => {
  const message = event.data;
  if (message.kind === 'import') {
    void importFile(message.request, (progress) => scope.postMessage({ kind: 'progress', progress })).then(
      (read) => scope.postMessage({ kind: 'imported', read }),
      (error: unknown) =>
        scope.postMessage({
          kind: 'imported',
          read: {
            ok: false,
            name: message.request.file.name,
            message: `${message.request.file.name} could not be read: ${String(error)}. Your document was left as it was.`,
          },
        }),
    );
    return;
  }
  scope.postMessage(answer(message, checks));
};
