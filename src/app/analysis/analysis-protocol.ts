import type { ReadProgress } from '../../features/import-export/read-import';
import type { Outcome } from '../../features/simulator/use-simulator';
import {
  type CheckRequest,
  type Checks,
  type ImportedFile,
  type ImportRequest,
  runSimulation,
  type SimulateRequest,
} from './analyse';

export type AnalysisMessage =
  | { id: number; kind: 'check'; request: CheckRequest }
  | { id: number; kind: 'simulate'; request: SimulateRequest };

/** Reading a file runs in a worker of its own, so cancelling it is ending that worker. */
export type ImportMessage = { kind: 'import'; request: ImportRequest };
export type ImportReply =
  | { kind: 'progress'; progress: ReadProgress }
  | { kind: 'imported'; read: ImportedFile };

export type AnalysisReply =
  | { id: number; kind: 'checked'; checks: Checks }
  | { id: number; kind: 'simulated'; outcome: Outcome }
  | { id: number; kind: 'failed'; message: string };

/** What a worker (or the page itself, where there are no workers) answers to one message. */
export function answer(message: AnalysisMessage, check: (request: CheckRequest) => Checks): AnalysisReply {
  try {
    return message.kind === 'check'
      ? { id: message.id, kind: 'checked', checks: check(message.request) }
      : { id: message.id, kind: 'simulated', outcome: runSimulation(message.request) };
  } catch (error) {
    return {
      id: message.id,
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
