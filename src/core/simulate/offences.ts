/**
 * Repeat offenders (reference §5.6), following execd: `ExecdConfig()` (`os_execd/config.c`) reads the
 * list, `ExecdRun()` (`os_execd/execd.c`) keeps a count per key and picks each block's length, and
 * `ExecdTimeoutRun()` lifts a block once more than its time has passed (checked every second). The
 * arithmetic is the same in OSSEC 2.8–4.2 and Wazuh 3.x–4.14: the 1st offence gets the response's timeout
 * (seconds), the k-th gets entry k−1 of the list × 60 (minutes), and past the list the last entry again.
 * The count lives in execd's memory: restarting the agent starts it over.
 */

import { valueProblem } from '../model/fields';
import type { TargetProfile } from '../targets/target';
import { printBlock } from '../xml/print';

export interface OffenceStep {
  /** 1 for the first offence. */
  offence: number;
  /** Seconds after the first offence. */
  at: number;
  /** How long execd keeps this block, in seconds. */
  seconds: number;
  /**
   * When execd lifts it: at its first one-second check once more than `seconds` have passed; null when the
   * next offence comes first and restarts the clock.
   */
  liftedAt: number | null;
  /** Which setting gave `seconds`: the response's timeout, or the list entry (1-based) that applied. */
  from: { kind: 'timeout' } | { kind: 'entry'; entry: number; minutes: number; pastTheList: boolean };
  /** The previous block was still in place: execd does not run the script again, it restarts the clock. */
  extended: boolean;
}

export interface TimelineOptions {
  /** The response's timeout in seconds (ar.conf). */
  timeout: number;
  /** The agent's `repeated_offenders` minutes, as {@link readOffenders} gives them. */
  minutes: number[];
  /** How many offences from the same source IP. */
  count: number;
  /** Seconds between offences; null means each comes as soon as the previous block is lifted. */
  every: number | null;
}

/** The blocks execd puts up and lifts for one source IP offending `count` times. */
export function offenceTimeline({ timeout, minutes, count, every }: TimelineOptions): OffenceStep[] {
  if (timeout === 0) return [];
  const steps: OffenceStep[] = [];
  // `repeated_hash` exists only when the first entry is not 0; it holds how many list entries were used.
  let used: number | null = null;
  for (let k = 1; k <= count; k++) {
    const previous = steps.at(-1);
    const at = previous ? (every === null ? liftOf(previous) : previous.at + every) : 0;
    let seconds = timeout;
    let from: OffenceStep['from'] = { kind: 'timeout' };
    if (minutes.length > 0) {
      if (used === null) {
        used = 0;
      } else {
        const pastTheList = used >= minutes.length;
        const index = pastTheList ? minutes.length - 1 : used;
        seconds = minutes[index] * 60;
        from = { kind: 'entry', entry: index + 1, minutes: minutes[index], pastTheList };
        if (!pastTheList) used++;
      }
    }
    // A block still in place when the next offence comes is refreshed, not run again.
    const extended = previous !== undefined && at - previous.at <= previous.seconds;
    if (previous && extended) previous.liftedAt = null;
    steps.push({ offence: k, at, seconds, liftedAt: liftOf({ at, seconds }), from, extended });
  }
  return steps;
}

/** `curr_time - time_of_addition > time_to_block`, tested once a second. */
function liftOf({ at, seconds }: { at: number; seconds: number }): number {
  return at + Math.max(seconds, 0) + 1;
}

/**
 * Where `repeated_offenders` must live for a response that runs on agents, and what to put there; the
 * snippet is null for a value the daemon's XML cannot carry (a `<`, say), with the reason in `problem`.
 */
export function agentOffendersSnippet(
  value: string,
  target: TargetProfile,
): { path: string; snippet: string | null; problem: string | null; notes: string[] } {
  const notes = [
    "Each agent's execd reads this from its own ossec.conf only: not from the manager's file, and not from a centralized agent.conf.",
    target.product === 'ossec'
      ? `${target.label}'s execd looks at the first <active-response> block of the file only, so this must be the first one.`
      : 'execd takes the first <active-response> block that has the element, so put it before any other repeated_offenders.',
    'The minutes apply to the 2nd, 3rd, … offence of the same source IP; restart the agent to apply them, which also resets its count.',
  ];
  const problem = valueProblem(value);
  const block = printBlock(
    { kind: 'active-response', fields: [{ name: 'repeated_offenders', value }] },
    '  ',
    '  ',
    '\n',
  );
  return {
    path: '/var/ossec/etc/ossec.conf',
    snippet: problem ? null : `<ossec_config>\n  ${block}\n</ossec_config>\n`,
    problem,
    notes,
  };
}
