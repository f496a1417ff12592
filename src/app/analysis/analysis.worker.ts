/**
 * The page's checks and simulations, off the main thread: a slow check or a simulation that runs long never
 * holds up typing, and the page stops a run that exceeds its budget by ending this worker.
 */

import { createChecks } from './analyse';
import { type AnalysisMessage, type AnalysisReply, answer } from './analysis-protocol';

const checks = createChecks();
// The app's type library is the page's (DOM); a worker's scope has the same two members this uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisMessage>) => void) | null;
  postMessage(reply: AnalysisReply): void;
};

scope.onmessage = (event: MessageEvent<AnalysisMessage>) => {
  const reply: AnalysisReply = answer(event.data, checks);
  scope.postMessage(reply);
};
