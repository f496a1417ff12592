import { type ReactNode, useId, useMemo, useState } from 'react';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Dialog } from '../../components/dialog';
import { inputClass } from '../../components/field';
import { focusRing } from '../../components/focus-ring';
import { Icon } from '../../components/icon';
import {
  type Citation,
  type ConfigDocument,
  citationUrl,
  DEPLOY_ROLES,
  type DeployCommand,
  type DeployInputs,
  type DeployPlan,
  type DeployRole,
  type DeployStep,
  deployPlan,
  type RoleOption,
  type TargetProfile,
  UPLOAD_FILE,
} from '../../core';
import { CopyButton } from './copy-button';

export interface DeployPanelProps {
  open: boolean;
  onClose: () => void;
  doc: ConfigDocument;
  target: TargetProfile;
  /** Whose file the document is (the page's role choice). */
  fileRole: RoleOption;
  initialRole: DeployRole;
  /** Downloads the document as the ossec.conf the commands copy into place. */
  onDownloadFile: () => void;
  /** Downloads a text file (the agents' snippet). */
  download: (text: string, name: string) => void;
  onStatus: (message: string) => void;
}

const ROLE_LABEL: Record<DeployRole, string> = { manager: 'Manager', agent: 'Agent', local: 'Local install' };

export const AGENT_SNIPPET_FILE = 'agent-active-response.conf';

/** The steps to go live on the chosen target and install type, each command copyable and cited. */
export function DeployPanel({
  open,
  onClose,
  doc,
  target,
  fileRole,
  initialRole,
  onDownloadFile,
  download,
  onStatus,
}: DeployPanelProps) {
  const [inputs, setInputs] = useState<DeployInputs>(() => {
    const empty = { role: initialRole, sourceIp: '', agentId: '', apiUrl: '', apiUser: '' };
    const first = deployPlan(doc, target, empty, fileRole).chosen;
    const agentId = first?.agentId !== undefined && /^\d+$/.test(first.agentId) ? first.agentId : '';
    return { role: initialRole, sourceIp: '', agentId, apiUrl: '', apiUser: '' };
  });
  const plan = useMemo(() => deployPlan(doc, target, inputs, fileRole), [doc, target, inputs, fileRole]);
  const set = <K extends keyof DeployInputs>(key: K, value: DeployInputs[K]) =>
    setInputs((current) => ({ ...current, [key]: value }));
  const hasStep = (id: DeployStep['id']) => plan.steps.some((s) => s.id === id);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="xl"
      title={`Deploy to ${target.label}`}
      description="The steps to take this file live, with the line of the product’s own source each command relies on. Nothing here is sent anywhere: copy the commands to your shell."
    >
      <div className="grid gap-4">
        <DeployInputsForm
          plan={plan}
          inputs={inputs}
          set={set}
          showRun={hasStep('run') && plan.responses.length > 0}
          showAgent={
            (hasStep('run') && plan.responses.length > 0) || (inputs.role === 'agent' && hasStep('api'))
          }
          showApi={hasStep('api')}
        />
        {plan.notices.map((notice) => (
          <Warning key={notice}>{notice}</Warning>
        ))}
        {plan.unavailable && (
          <div
            role="note"
            className="grid gap-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-[13px] text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            <p className="flex items-start gap-2 font-medium">
              <Icon name="warning" className="mt-0.5 size-4 shrink-0" />
              {plan.unavailable.value}
            </p>
            <Sources sources={plan.unavailable.sources} />
          </div>
        )}
        <ol className="grid gap-5" aria-label="Steps">
          {plan.steps.map((step, i) => (
            <StepView
              key={step.id}
              number={i + 1}
              step={step}
              plan={plan}
              onDownloadFile={onDownloadFile}
              download={download}
              onStatus={onStatus}
            />
          ))}
        </ol>
      </div>
    </Dialog>
  );
}

function DeployInputsForm({
  plan,
  inputs,
  set,
  showRun,
  showAgent,
  showApi,
}: {
  plan: DeployPlan;
  inputs: DeployInputs;
  set: <K extends keyof DeployInputs>(key: K, value: DeployInputs[K]) => void;
  showRun: boolean;
  showAgent: boolean;
  showApi: boolean;
}) {
  const responseId = useId();
  return (
    <form
      className="grid gap-3 rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950/40"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="float-left mr-3 text-[13px] font-medium text-zinc-800 dark:text-zinc-200">
          Install type
        </legend>
        {DEPLOY_ROLES.map((role) => (
          <label
            key={role}
            className="flex items-center gap-1.5 text-[13px] text-zinc-800 dark:text-zinc-200"
          >
            <input
              type="radio"
              name="deploy-role"
              value={role}
              checked={inputs.role === role}
              onChange={() => set('role', role)}
              className={cx('size-3.5 accent-blue-600', focusRing)}
            />
            {ROLE_LABEL[role]}
          </label>
        ))}
      </fieldset>
      {(showRun || showAgent || showApi) && (
        <div className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-3">
          {showRun && (
            <div className="col-span-2 grid content-start gap-1">
              <label htmlFor={responseId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
                Response to run by hand
              </label>
              <select
                id={responseId}
                className={cx(inputClass, 'h-8 text-[13px]')}
                value={plan.chosen?.blockIndex ?? ''}
                onChange={(e) => set('responseBlock', Number(e.target.value))}
              >
                {plan.responses.map((r) => (
                  <option key={r.blockIndex} value={r.blockIndex}>
                    {r.key} · line {r.line} · {r.location}
                    {r.agentId !== undefined ? ` ${r.agentId}` : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
          {showRun && (
            <TextInput
              label="Source IP"
              value={inputs.sourceIp}
              placeholder="203.0.113.7"
              problem={plan.inputProblems.sourceIp}
              onChange={(v) => set('sourceIp', v)}
            />
          )}
          {showAgent && (
            <TextInput
              label="Agent ID"
              value={inputs.agentId}
              placeholder="001"
              inputMode="numeric"
              problem={plan.inputProblems.agentId}
              onChange={(v) => set('agentId', v)}
            />
          )}
          {showApi && (
            <TextInput
              label="API address"
              value={inputs.apiUrl}
              placeholder="https://localhost:55000"
              problem={plan.inputProblems.apiUrl}
              onChange={(v) => set('apiUrl', v)}
            />
          )}
          {showApi && (
            <TextInput
              label="API user"
              value={inputs.apiUser}
              placeholder="wazuh"
              onChange={(v) => set('apiUser', v)}
            />
          )}
        </div>
      )}
    </form>
  );
}

function TextInput({
  label,
  value,
  placeholder,
  problem,
  inputMode,
  onChange,
}: {
  label: string;
  value: string;
  placeholder: string;
  problem?: string;
  inputMode?: 'numeric';
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="grid content-start gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <input
        id={id}
        className={cx(inputClass, 'h-8 text-[13px]')}
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && (
        <p id={`${id}-problem`} className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </div>
  );
}

function StepView({
  number,
  step,
  plan,
  onDownloadFile,
  download,
  onStatus,
}: {
  number: number;
  step: DeployStep;
  plan: DeployPlan;
  onDownloadFile: () => void;
  download: (text: string, name: string) => void;
  onStatus: (message: string) => void;
}) {
  const titleId = useId();
  const settings = step.id === 'agent-settings' ? plan.agentSettings : null;
  return (
    <li className="grid grid-cols-[1.75rem_minmax(0,1fr)] gap-3" data-testid={`deploy-step-${step.id}`}>
      <span
        aria-hidden="true"
        className="flex size-6 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-700 tabular-nums dark:bg-zinc-800 dark:text-zinc-300"
      >
        {number}
      </span>
      <section aria-labelledby={titleId} className="grid min-w-0 gap-2">
        <h3 id={titleId} className="text-[14px] font-semibold">
          {step.title}
        </h3>
        <p className="text-[13px] leading-snug text-zinc-700 dark:text-zinc-300">{step.detail}</p>
        {step.usesFile && (
          <div>
            <Button size="sm" icon={<Icon name="download" className="size-3.5" />} onClick={onDownloadFile}>
              Download {UPLOAD_FILE}
            </Button>
          </div>
        )}
        {settings?.misplaced.map((m) => (
          <Warning key={`${m.blockIndex}:${m.element}:${m.line}`}>{m.message}</Warning>
        ))}
        {step.commands.map((c) => (
          <CommandView key={c.command} command={c} onStatus={onStatus} />
        ))}
        {step.code && (
          <CodeView
            label={step.code.label}
            text={step.code.text}
            sources={step.code.sources}
            onStatus={onStatus}
            action={
              settings && (
                <Button
                  size="sm"
                  variant="ghost"
                  icon={<Icon name="download" className="size-3.5" />}
                  onClick={() => {
                    download(settings.file, AGENT_SNIPPET_FILE);
                    onStatus(`Downloaded ${AGENT_SNIPPET_FILE}.`);
                  }}
                >
                  Download
                </Button>
              )
            }
          />
        )}
        {step.notes.length > 0 && (
          <ul className="grid gap-1 text-xs leading-snug text-zinc-600 dark:text-zinc-400">
            {step.notes.map((note) => (
              <li key={note} className="flex gap-1.5">
                <Icon name="info" className="mt-px size-3.5 shrink-0" />
                <span>{note}</span>
              </li>
            ))}
          </ul>
        )}
        {step.sources && <Sources sources={step.sources} />}
      </section>
    </li>
  );
}

function Warning({ children }: { children: ReactNode }) {
  return (
    <p className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-[13px] text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <Icon name="warning" className="mt-0.5 size-3.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

const codeBox =
  'min-w-0 rounded-md border border-zinc-200 bg-zinc-50 font-mono text-[12.5px] leading-relaxed text-zinc-900 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100';

function CommandView({ command, onStatus }: { command: DeployCommand; onStatus: (message: string) => void }) {
  const id = useId();
  const waiting = command.missing.length > 0;
  const blocked = waiting || command.refused !== undefined;
  return (
    <div className="grid gap-1" data-testid="deploy-command">
      <div className={cx(codeBox, 'flex items-start gap-2 py-1 pr-1 pl-3')}>
        <code
          id={id}
          className={cx('min-w-0 flex-1 py-1 break-all whitespace-pre-wrap', blocked && 'opacity-60')}
        >
          {command.command}
        </code>
        <CopyButton
          text={command.command}
          what="the command"
          describedBy={id}
          disabled={blocked}
          title={waiting ? `Fill in the ${command.missing.join(' and ')} above first` : command.refused}
          onStatus={onStatus}
        />
      </div>
      {waiting && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Fill in the {command.missing.join(' and ')} above to copy this command.
        </p>
      )}
      {command.refused && <Warning>{command.refused}</Warning>}
      <Sources sources={command.sources} />
    </div>
  );
}

function CodeView({
  label,
  text,
  sources,
  action,
  onStatus,
}: {
  label: string;
  text: string;
  sources: Citation[];
  action?: ReactNode;
  onStatus: (message: string) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-1">
      <div className="flex items-center gap-1">
        <p id={`${id}-label`} className="flex-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          {label}
        </p>
        {text !== '' && (
          <CopyButton
            text={text}
            what={label.toLowerCase()}
            describedBy={`${id}-label`}
            onStatus={onStatus}
          />
        )}
        {action}
      </div>
      {text !== '' && (
        <pre id={id} className={cx(codeBox, 'overflow-x-auto px-3 py-2')}>
          {text}
        </pre>
      )}
      <Sources sources={sources} />
    </div>
  );
}

/** Where the command comes from: each file at the release, linked, with the words it relies on. */
function Sources({ sources }: { sources: Citation[] }) {
  if (sources.length === 0) return null;
  const files = [...new Set(sources.map((s) => s.path))].map((path) => ({
    source: sources.find((s) => s.path === path) as Citation,
    quotes: sources.filter((s) => s.path === path).map((s) => s.quote),
  }));
  return (
    <p className="text-[11px] leading-snug text-zinc-600 dark:text-zinc-400">
      <span className="font-medium">Source</span> {sources[0].repo} {sources[0].ref}:{' '}
      {files.map(({ source, quotes }, i) => (
        <span key={source.path}>
          {i > 0 && ' · '}
          <a
            href={citationUrl(source)}
            target="_blank"
            rel="noreferrer"
            className={cx(
              'font-mono underline decoration-zinc-400 underline-offset-2 hover:text-zinc-900 dark:hover:text-zinc-100',
              focusRing,
            )}
          >
            {source.path}
          </a>
          {quotes.map((quote) => (
            <span key={quote}>
              {' '}
              <q className="font-mono">{quote}</q>
            </span>
          ))}
        </span>
      ))}
    </p>
  );
}
