import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import {
  type Alert,
  type AlertField,
  type AlertInput,
  type AlertProblem,
  type ConfigDocument,
  fileResponsesAbsence,
  type ParsedAlert,
  readAlertInput,
  type Simulation,
  simulate,
  type TargetProfile,
} from '../../core';

/** An SSH brute-force alert from an agent: a typical first question ("does my block fire on this?"). */
export const EXAMPLE_ALERT: AlertInput = {
  ruleId: '5712',
  level: '10',
  groups: 'syslog,sshd,authentication_failures,',
  agent: '001',
  srcip: '203.0.113.7',
  user: '',
  filename: '',
  noAr: false,
};

export type Outcome =
  | { kind: 'simulated'; simulation: Simulation }
  /** A field has an error: there is no alert to play. */
  | { kind: 'no-alert' }
  | { kind: 'xml-error' }
  /** The target runs no response from this file (Wazuh 5.0): there is nothing to simulate. */
  | { kind: 'off'; message: string }
  /** The simulation itself failed (an engine refusing an expression as too complex, say): the page goes on. */
  | { kind: 'failed'; message: string }
  /** The first answer for this alert is on its way (the simulation runs off the page's thread). */
  | { kind: 'playing' };

/**
 * Plays an alert through a document somewhere else (a worker) and answers with the outcome. A newer call
 * may replace an older one still waiting, whose `done` is then never called.
 */
export type SimulationRun = (
  doc: ConfigDocument,
  alert: Alert,
  target: TargetProfile,
  done: (outcome: Outcome) => void,
) => void;

export interface SimulatorState {
  input: AlertInput;
  problems: AlertProblem[];
  alert: Alert | null;
  outcome: Outcome;
  /** Where the current alert came from, when it was pasted. */
  pasted: { format: string; notes: string[] } | null;
  setField: (field: AlertField, value: string) => void;
  setNoAr: (noAr: boolean) => void;
  applyPasted: (parsed: Extract<ParsedAlert, { ok: true }>) => void;
}

/**
 * The alert being played and what the document does with it. What is typed here is an alert, not the
 * document, so it stays in local state; the document and the target come from the page.
 */
export function useSimulator(
  doc: ConfigDocument,
  target: TargetProfile,
  run?: SimulationRun,
): SimulatorState {
  const [input, setInput] = useState<AlertInput>(EXAMPLE_ALERT);
  const [pasted, setPasted] = useState<SimulatorState['pasted']>(null);
  // Typing in a large file must not wait for the simulation.
  const settled = useDeferredValue(doc);
  const { alert, problems } = useMemo(() => readAlertInput(input, target), [input, target]);
  // With a runner, the last answer it gave: kept on screen until the next one arrives.
  const [played, setPlayed] = useState<Outcome>({ kind: 'playing' });
  const playable = alert !== null && !settled.xmlError && fileResponsesAbsence(target) === null;
  useEffect(() => {
    if (!run || !playable || !alert) return;
    let live = true;
    run(settled, alert, target, (outcome) => {
      if (live) setPlayed(outcome);
    });
    return () => {
      live = false;
    };
  }, [run, playable, settled, alert, target]);
  const outcome = useMemo((): Outcome => {
    const absence = fileResponsesAbsence(target);
    if (absence) return { kind: 'off', message: `${absence} The simulator is off for this target.` };
    if (!alert) return { kind: 'no-alert' };
    if (settled.xmlError) return { kind: 'xml-error' };
    if (run) return played;
    try {
      return { kind: 'simulated', simulation: simulate(settled, alert, target) };
    } catch (error) {
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }, [settled, alert, target, run, played]);

  const setField = useCallback((field: AlertField, value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
  }, []);
  const setNoAr = useCallback((noAr: boolean) => setInput((current) => ({ ...current, noAr })), []);
  const applyPasted = useCallback((parsed: Extract<ParsedAlert, { ok: true }>) => {
    setInput(parsed.input);
    setPasted({ format: parsed.format, notes: parsed.notes });
  }, []);
  return { input, problems, alert, outcome, pasted, setField, setNoAr, applyPasted };
}
