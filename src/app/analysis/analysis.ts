import type { Outcome } from '../../features/simulator/use-simulator';
import type { CheckRequest, Checks, SimulateRequest } from './analyse';
import type { AnalysisMessage, AnalysisReply } from './analysis-protocol';

/** How long a check may run: far above a whole 16 MB file, far below a page that seems stuck. */
export const CHECK_BUDGET_MS = 20_000;
/** How long one alert may take to play: the OS_Regex emulation has its own step budget well below this. */
export const SIMULATION_BUDGET_MS = 10_000;

export type CheckOutcome =
  | { kind: 'checked'; checks: Checks }
  | { kind: 'over-budget'; budgetMs: number }
  | { kind: 'failed'; message: string };

/**
 * Checks and simulations for the page. Each kind runs one at a time; a request made while another runs
 * waits, and a newer one replaces it (its callback is never called), so a burst of keystrokes costs one
 * check after the one under way, not one per keystroke.
 */
export interface Analysis {
  /** Answers before `check` and `simulate` return (no workers here): nothing is gained by waiting. */
  readonly immediate: boolean;
  check(request: CheckRequest, done: (outcome: CheckOutcome) => void): void;
  simulate(request: SimulateRequest, done: (outcome: Outcome) => void): void;
  dispose(): void;
}

export interface Port {
  post(message: AnalysisMessage): void;
  /** Stops whatever runs; the port is fresh afterwards. */
  restart(): void;
  dispose(): void;
}

type Reply<K extends AnalysisReply['kind']> = Extract<AnalysisReply, { kind: K }>;

class Lane<K extends 'checked' | 'simulated'> {
  #port: Port;
  #next = 1;
  #running: { id: number; done: (reply: Reply<K> | Reply<'failed'> | null) => void; timer: number } | null =
    null;
  #waiting: {
    message: Omit<AnalysisMessage, 'id'>;
    done: (reply: Reply<K> | Reply<'failed'> | null) => void;
  } | null = null;

  constructor(
    open: (onReply: (reply: AnalysisReply) => void) => Port,
    readonly budgetMs: number,
  ) {
    this.#port = open((reply) => this.#receive(reply));
  }

  /** `done` gets the reply, or null when the run exceeded the budget and was stopped. */
  send(message: Omit<AnalysisMessage, 'id'>, done: (reply: Reply<K> | Reply<'failed'> | null) => void) {
    this.#waiting = { message, done };
    if (!this.#running) this.#start();
  }

  #start() {
    const waiting = this.#waiting;
    if (!waiting) return;
    this.#waiting = null;
    const id = this.#next++;
    const timer = window.setTimeout(() => {
      if (this.#running?.id !== id) return;
      this.#running = null;
      this.#port.restart();
      waiting.done(null);
      this.#start();
    }, this.budgetMs);
    this.#running = { id, done: waiting.done, timer };
    this.#port.post({ ...waiting.message, id } as AnalysisMessage);
  }

  #receive(reply: AnalysisReply) {
    const running = this.#running;
    if (!running || running.id !== reply.id) return;
    window.clearTimeout(running.timer);
    this.#running = null;
    running.done(reply as Reply<K> | Reply<'failed'>);
    this.#start();
  }

  dispose() {
    if (this.#running) window.clearTimeout(this.#running.timer);
    this.#running = null;
    this.#waiting = null;
    this.#port.dispose();
  }
}

function workerPort(onReply: (reply: AnalysisReply) => void): Port {
  const open = () => {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<AnalysisReply>) => onReply(event.data);
    return worker;
  };
  let worker = open();
  return {
    post: (message) => worker.postMessage(message),
    restart() {
      worker.terminate();
      worker = open();
    },
    dispose: () => worker.terminate(),
  };
}

/** Opens a port whose replies reach `onReply`. */
export type PortFactory = (onReply: (reply: AnalysisReply) => void) => Port;

/**
 * Where there are no workers (unit tests under jsdom) the same work runs on this thread, through a port
 * given here (analysis-here.ts): the page's own first load then carries the checks once, in the worker.
 */
let portHere: PortFactory | null = null;

export function analyseHere(open: PortFactory): void {
  portHere = open;
}

function lanes(open: PortFactory, immediate: boolean): Analysis {
  const checks = new Lane<'checked'>(open, CHECK_BUDGET_MS);
  const simulations = new Lane<'simulated'>(open, SIMULATION_BUDGET_MS);
  return {
    immediate,
    check(request, done) {
      checks.send({ kind: 'check', request }, (reply) =>
        done(
          reply === null
            ? { kind: 'over-budget', budgetMs: checks.budgetMs }
            : reply.kind === 'failed'
              ? { kind: 'failed', message: reply.message }
              : { kind: 'checked', checks: reply.checks },
        ),
      );
    },
    simulate(request, done) {
      simulations.send({ kind: 'simulate', request }, (reply) =>
        done(
          reply === null
            ? {
                kind: 'failed',
                message: `it took longer than ${simulations.budgetMs / 1000} s`,
              }
            : reply.kind === 'failed'
              ? { kind: 'failed', message: reply.message }
              : reply.outcome,
        ),
      );
    },
    dispose() {
      checks.dispose();
      simulations.dispose();
    },
  };
}

/** Checks and simulations in workers when the browser has them, else on this thread. */
export function createAnalysis(): Analysis {
  if (typeof Worker !== 'undefined') return lanes(workerPort, false);
  if (portHere) return lanes(portHere, true);
  throw new Error('This browser cannot run the checks: it has no web workers.');
}
