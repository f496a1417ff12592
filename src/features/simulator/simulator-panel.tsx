import { type ReactNode, useState } from 'react';
import { Button, IconButton } from '../../components/button';
import { cx } from '../../components/cx';
import { Dialog } from '../../components/dialog';
import { focusRing } from '../../components/focus-ring';
import { Icon } from '../../components/icon';
import type { ConfigDocument, TargetProfile } from '../../core';
import { AlertForm } from './alert-form';
import { OffenderTimeline } from './offender-timeline';
import { PasteAlertDialog } from './paste-alert-dialog';
import { SimulationResults } from './simulation-results';
import { type Outcome, type SimulationRun, type SimulatorState, useSimulator } from './use-simulator';

export interface SimulatorPanelProps {
  doc: ConfigDocument;
  target: TargetProfile;
  blockLabel: (blockIndex: number) => string;
  onSelect: (blockIndex: number) => void;
  /** Plays alerts off the page's thread; without it they are played here. */
  run?: SimulationRun;
}

/**
 * Plays one alert through the document as the target manager would: a summary first, then each response
 * (firing ones first) with where it runs or the one check that stops it, and the repeat-offender timeline.
 * The same view opens in a larger dialog when the docked panel is too small.
 */
export function SimulatorPanel({ doc, target, blockLabel, onSelect, run }: SimulatorPanelProps) {
  const state = useSimulator(doc, target, run);
  const [expanded, setExpanded] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [offencesOpen, setOffencesOpen] = useState(false);
  const body = (wide: boolean) => (
    <SimulatorBody
      wide={wide}
      state={state}
      target={target}
      blockLabel={blockLabel}
      onSelect={(index) => {
        setExpanded(false);
        onSelect(index);
      }}
      offencesOpen={offencesOpen}
      onOffencesOpen={setOffencesOpen}
    />
  );
  const paste = (
    <Button
      size="sm"
      variant="ghost"
      icon={<Icon name="clipboard" className="size-3.5" />}
      onClick={() => setPasting(true)}
    >
      Paste alert
    </Button>
  );
  return (
    <section aria-labelledby="simulator-title" className="flex h-full min-h-0 flex-col">
      <header className="flex h-9 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
        <h2
          id="simulator-title"
          className="text-xs font-semibold tracking-wide whitespace-nowrap text-zinc-700 uppercase dark:text-zinc-300"
        >
          Simulate an alert
        </h2>
        <span className="min-w-0 flex-1 truncate text-xs text-zinc-600 dark:text-zinc-400">
          as {target.label} would
        </span>
        {paste}
        <IconButton
          size="sm"
          label="Open the simulator in a larger view"
          icon={<Icon name="expand" className="size-3.5" />}
          onClick={() => setExpanded(true)}
        />
      </header>
      <Summary outcome={state.outcome} />
      <div className="relative min-h-0 flex-1 overflow-auto px-3 py-2">
        {expanded ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            The simulator is open in the larger view.
          </p>
        ) : (
          body(false)
        )}
      </div>
      {expanded && (
        <Dialog
          open
          size="xl"
          title="Simulate an alert"
          description={`As ${target.label} would.`}
          onClose={() => setExpanded(false)}
        >
          <div className="grid gap-3">
            <div className="flex items-start gap-2">
              <div className="min-w-0 flex-1 rounded-md border border-zinc-200 dark:border-zinc-800">
                <Summary outcome={state.outcome} />
              </div>
              {paste}
            </div>
            {body(true)}
          </div>
        </Dialog>
      )}
      {pasting && (
        <PasteAlertDialog
          onClose={() => setPasting(false)}
          onUse={(parsed) => {
            state.applyPasted(parsed);
            setPasting(false);
          }}
        />
      )}
    </section>
  );
}

/** The answer, always in view: how many responses fire and where, or why nothing can be played. */
function Summary({ outcome }: { outcome: Outcome }) {
  let text: string;
  let tone = 'text-zinc-800 dark:text-zinc-200';
  if (outcome.kind === 'simulated') {
    text = outcome.simulation.summary;
    if (outcome.simulation.responses.some((r) => r.fires)) tone = 'text-emerald-800 dark:text-emerald-300';
  } else if (outcome.kind === 'no-alert') {
    text = 'No alert to play: fix the field named below.';
    tone = 'text-red-700 dark:text-red-400';
  } else if (outcome.kind === 'xml-error') {
    text = 'The XML does not read, so nothing can run.';
  } else if (outcome.kind === 'off') {
    text = outcome.message;
  } else if (outcome.kind === 'playing') {
    text = 'Playing the alert…';
  } else {
    text = `The simulation stopped: ${outcome.message}. The rest of the page is not affected.`;
    tone = 'text-red-700 dark:text-red-400';
  }
  return (
    <p
      aria-live="polite"
      aria-atomic="true"
      data-testid="simulation-summary"
      className={cx(
        'shrink-0 border-b border-zinc-100 px-3 py-1.5 text-[13px] font-medium break-words dark:border-zinc-800',
        tone,
      )}
    >
      {text}
    </p>
  );
}

function SimulatorBody({
  state,
  target,
  blockLabel,
  onSelect,
  offencesOpen,
  onOffencesOpen,
  wide,
}: {
  state: SimulatorState;
  target: TargetProfile;
  blockLabel: (blockIndex: number) => string;
  onSelect: (blockIndex: number) => void;
  offencesOpen: boolean;
  onOffencesOpen: (open: boolean) => void;
  /** The larger view: the alert and its responses on the left, the repeat offences beside them. */
  wide: boolean;
}) {
  const { outcome, pasted } = state;
  if (outcome.kind === 'off') return null;
  return (
    <div className={wide ? 'grid items-start gap-3 lg:grid-cols-2 lg:gap-6' : 'grid gap-3'}>
      <div className="grid min-w-0 gap-3">
        <AlertForm state={state} idPrefix="simulator" />
        {pasted && (
          <div className="grid gap-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            <p>Filled from a pasted {pasted.format} alert.</p>
            {pasted.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
        )}
        {outcome.kind === 'simulated' && (
          <SimulationResults simulation={outcome.simulation} blockLabel={blockLabel} onSelect={onSelect} />
        )}
      </div>
      {outcome.kind === 'simulated' && (
        <Disclosure title="Repeat offences" open={offencesOpen} onOpen={onOffencesOpen} wide={wide}>
          <OffenderTimeline simulation={outcome.simulation} target={target} blockLabel={blockLabel} />
        </Disclosure>
      )}
    </div>
  );
}

function Disclosure({
  title,
  open,
  onOpen,
  wide,
  children,
}: {
  title: string;
  open: boolean;
  onOpen: (open: boolean) => void;
  wide: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className={cx(
        'grid min-w-0 gap-2 border-zinc-200 dark:border-zinc-800',
        wide ? 'border-t pt-2 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-6' : 'border-t pt-2',
      )}
    >
      <h3>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => onOpen(!open)}
          className={cx(
            'flex items-center gap-1 rounded text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300',
            focusRing,
          )}
        >
          <Icon name="chevron" className={cx('size-3.5 transition-transform', !open && '-rotate-90')} />
          {title}
        </button>
      </h3>
      {open && children}
    </section>
  );
}
