import { createChecks } from './analyse';
import type { PortFactory } from './analysis';
import { answer } from './analysis-protocol';

/** The analysis answered at once on this thread, for where there are no workers (unit tests under jsdom). */
export const portHere: PortFactory = (onReply) => {
  const checks = createChecks();
  return {
    post: (message) => onReply(answer(message, checks)),
    restart() {},
    dispose() {},
  };
};
