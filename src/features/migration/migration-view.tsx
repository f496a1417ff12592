import { useId } from 'react';
import { Badge, type BadgeTone } from '../../components/badge';
import { Button } from '../../components/button';
import { CopyButton } from '../../components/copy-button';
import { cx } from '../../components/cx';
import { Dialog } from '../../components/dialog';
import { downloadBytes } from '../../components/download';
import { Icon } from '../../components/icon';
import { VisibleText } from '../../components/visible-text';
import {
  type ConfigDocument,
  cleanedPatch,
  countByStatus,
  DEFINITION_REQUEST,
  definitionLine,
  encodeText,
  type ItemKind,
  type MigratedResponse,
  type MigrationStatus,
  MONITOR_NOTE,
  MONITOR_REQUEST,
  migrationBundle,
  migrationMarkdown,
  parseTarget,
  type ReportItem,
  type RoleOption,
  revealHidden,
  STATUS_LABEL,
  type TargetProfile,
} from '../../core';
import { DiffView } from './diff-view';
import { useMigration } from './use-migration';

export interface MigrationViewProps {
  open: boolean;
  onClose: () => void;
  doc: ConfigDocument;
  /** The page's target: the file is read as that version (as Wazuh 4.14 when 5.0 itself is selected). */
  target: TargetProfile;
  role: RoleOption;
  /** The imported file's name, for the downloads and the report. */
  fileName: string;
  onStatus: (message: string) => void;
}

const STATUS_TONE: Record<MigrationStatus, BadgeTone> = {
  exact: 'green',
  'needs-review': 'amber',
  'cannot-migrate': 'red',
};

const KIND_TONE: Record<ItemKind, BadgeTone> = {
  exact: 'green',
  dropped: 'neutral',
  suggestion: 'blue',
  placeholder: 'amber',
  lost: 'amber',
  rewrite: 'violet',
  impossible: 'red',
};

const KIND_LABEL: Record<ItemKind, string> = {
  exact: 'exact',
  dropped: 'no field',
  suggestion: 'suggestion',
  placeholder: 'to fill in',
  lost: 'lost',
  rewrite: 'rewrite',
  impossible: 'impossible',
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function save(
  text: string,
  name: string,
  type: string,
  onStatus: (m: string) => void,
  encoding: ConfigDocument['encoding'] = 'utf-8',
) {
  downloadBytes(encodeText(text, encoding), name, type);
  onStatus(`Downloaded ${name}.`);
}

/**
 * "Migrate to 5.0": what each 4.x response becomes on Wazuh 5.0 (beta), as the two request bodies to send,
 * with what carried over, the cleaned file and the agents' settings. Everything is computed here in the
 * browser from the current document; nothing is sent anywhere.
 */
export function MigrationView({ open, onClose, doc, target, role, fileName, onStatus }: MigrationViewProps) {
  const { from, migration } = useMigration(doc, target, role);
  const five = parseTarget(migration.to);
  const counts = countByStatus(migration);
  const base = fileName.replace(/\.[^.]*$/, '') || 'ossec';
  const cleanedName = migration.role === 'manager' ? 'wazuh-manager.conf' : 'ossec.conf';
  const diff = cleanedPatch(migration.cleaned, fileName);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="xl"
      title={`Migrate to ${five.label}`}
      description={`Reads this ${migration.role} file as ${from.label}. Wazuh 5.0 runs no responses from its configuration file: each response becomes a definition and an Alerting monitor that fires it.`}
    >
      <div className="grid gap-5">
        <section aria-labelledby="migration-summary" className="grid gap-3">
          <h3 id="migration-summary" className="sr-only">
            Summary
          </h3>
          <div className="flex flex-wrap items-center gap-2" data-testid="migration-counts">
            <span className="text-[13px] font-medium">
              {migration.responses.length === 0
                ? 'No responses to migrate'
                : `${migration.responses.length} ${migration.responses.length === 1 ? 'response' : 'responses'}`}
            </span>
            {(Object.keys(counts) as MigrationStatus[])
              .filter((s) => counts[s] > 0)
              .map((s) => (
                <Badge key={s} tone={STATUS_TONE[s]}>
                  {counts[s]} {STATUS_LABEL[s]}
                </Badge>
              ))}
          </div>
          <p className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2.5 text-[13px] text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            <Icon name="warning" className="mt-0.5" />
            <span>
              {MONITOR_NOTE} <strong>Exact</strong> means the definition carries every setting over and
              nothing is lost; <strong>needs review</strong> that something is a suggestion, a placeholder,
              lost or a script to rewrite; <strong>cannot migrate</strong> that 5.0 has no equivalent.
            </span>
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="primary"
              icon={<Icon name="download" className="size-3.5" />}
              onClick={() =>
                save(
                  json(migrationBundle(migration)),
                  `${base}-5.0-active-responses.json`,
                  'application/json',
                  onStatus,
                )
              }
            >
              Download bundle (JSON)
            </Button>
            <Button
              icon={<Icon name="file" className="size-3.5" />}
              onClick={() =>
                save(
                  migrationMarkdown(migration, fileName),
                  `${base}-5.0-migration.md`,
                  'text/markdown',
                  onStatus,
                )
              }
            >
              Download report (Markdown)
            </Button>
            <Button
              icon={<Icon name="download" className="size-3.5" />}
              onClick={() =>
                save(migration.cleaned.text, cleanedName, 'application/xml', onStatus, doc.encoding)
              }
            >
              Download cleaned {migration.role} file
            </Button>
            <Button
              icon={<Icon name="download" className="size-3.5" />}
              onClick={() =>
                save(migration.agentSettings, 'agent-active-response.xml', 'application/xml', onStatus)
              }
            >
              Download agent settings
            </Button>
          </div>
        </section>

        {migration.responses.length > 0 && (
          <section aria-labelledby="migration-responses" className="grid gap-3">
            <h3 id="migration-responses" className="text-[13px] font-semibold">
              Responses
            </h3>
            <ol className="grid gap-3">
              {migration.responses.map((r) => (
                <ResponseCard key={r.blockIndex} response={r} onStatus={onStatus} />
              ))}
            </ol>
          </section>
        )}

        <section aria-labelledby="migration-file" className="grid gap-2">
          <h3 id="migration-file" className="text-[13px] font-semibold">
            The whole file
          </h3>
          <Items items={migration.notes} />
        </section>

        <section aria-labelledby="migration-cleaned" className="grid gap-2">
          <div className="flex items-center gap-2">
            <h3 id="migration-cleaned" className="min-w-0 flex-1 text-[13px] font-semibold">
              Cleaned {migration.role} file
              <span className="ml-2 font-normal text-zinc-600 dark:text-zinc-400">
                {migration.cleaned.removed.length === 0
                  ? 'nothing to remove'
                  : `${migration.cleaned.removed.length} ${migration.cleaned.removed.length === 1 ? 'block' : 'blocks'} removed, every other byte kept`}
              </span>
            </h3>
            {diff && (
              <CopyButton
                text={diff}
                label="Copy diff"
                what="the diff of the cleaned file"
                onStatus={onStatus}
              />
            )}
          </div>
          {diff && (
            <DiffView hunks={migration.cleaned.hunks} label={`Diff of ${cleanedName} against ${fileName}`} />
          )}
        </section>

        <section aria-labelledby="migration-agent" className="grid gap-2">
          <div className="flex items-center gap-2">
            <h3 id="migration-agent" className="min-w-0 flex-1 text-[13px] font-semibold">
              Agent settings
              <span className="ml-2 font-normal text-zinc-600 dark:text-zinc-400">
                in each agent's own ossec.conf, which a 5.0 agent still reads
              </span>
            </h3>
            <CopyButton
              text={migration.agentSettings}
              label="Copy"
              what="the agent settings"
              onStatus={onStatus}
            />
          </div>
          <Code text={migration.agentSettings} label="Agent settings" />
        </section>
      </div>
    </Dialog>
  );
}

function ResponseCard({
  response: r,
  onStatus,
}: {
  response: MigratedResponse;
  onStatus: (m: string) => void;
}) {
  const titleId = useId();
  const name = r.definition?.config.name ?? r.command ?? '(no command)';
  return (
    <li
      aria-labelledby={titleId}
      data-testid={`migration-response-${r.blockIndex}`}
      className="grid gap-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950/40"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[r.status]} className="uppercase">
          {STATUS_LABEL[r.status]}
        </Badge>
        <h4 id={titleId} className="min-w-0 flex-1 truncate font-mono text-[13px] font-semibold">
          <VisibleText text={name} />
        </h4>
        <span className="font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
          line {r.line} · &lt;command&gt;
          <VisibleText text={r.command ?? ''} />
        </span>
      </div>
      {r.summary && (
        <p className="text-xs text-zinc-700 dark:text-zinc-300">
          <VisibleText text={r.summary} />
        </p>
      )}
      <p className="font-mono text-[11px] text-zinc-700 dark:text-zinc-300">
        <VisibleText text={definitionLine(r)} />
      </p>
      <Items items={r.items} />
      {r.checklist.length > 0 && (
        <div>
          <h5 className="text-xs font-semibold text-violet-800 dark:text-violet-300">
            Rewriting the script for 5.0
          </h5>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-xs text-zinc-700 dark:text-zinc-300">
            {r.checklist.map((step) => (
              <li key={step}>
                <VisibleText text={step} />
              </li>
            ))}
          </ol>
        </div>
      )}
      {r.definition && r.monitor && (
        <div className="grid gap-2 lg:grid-cols-2">
          <Body
            title="Definition"
            request={DEFINITION_REQUEST}
            text={json(r.definition)}
            what={`the definition of ${name}`}
            onStatus={onStatus}
          />
          <Body
            title="Monitor"
            request={MONITOR_REQUEST}
            text={json(r.monitor)}
            what={`the monitor of ${name}`}
            onStatus={onStatus}
          />
        </div>
      )}
    </li>
  );
}

function Items({ items }: { items: readonly ReportItem[] }) {
  return (
    <ul className="grid gap-1">
      {items.map((item) => (
        <li key={`${item.subject}:${item.reason}`} className="flex items-start gap-2 text-xs">
          <Badge tone={KIND_TONE[item.kind]} className="w-[5.5rem] justify-center">
            {KIND_LABEL[item.kind]}
          </Badge>
          <span className="min-w-0 flex-1 text-zinc-800 dark:text-zinc-200">
            <VisibleText text={item.text} />{' '}
            <code className="font-mono text-[11px] text-zinc-600 dark:text-zinc-400">{item.reason}</code>
            {item.source && (
              <span className="block text-[11px] text-zinc-600 dark:text-zinc-400">{item.source}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Body({
  title,
  request,
  text,
  what,
  onStatus,
}: {
  title: string;
  request: string;
  text: string;
  what: string;
  onStatus: (m: string) => void;
}) {
  return (
    <details className="group min-w-0 rounded-md border border-zinc-200 dark:border-zinc-800">
      <summary
        className={cx(
          'flex cursor-pointer items-center gap-2 px-2 py-1.5 text-xs select-none',
          'focus-visible:outline-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400',
        )}
      >
        <Icon name="chevron" className="size-3.5 -rotate-90 transition-transform group-open:rotate-0" />
        <span className="font-semibold">{title}</span>
        <code className="min-w-0 flex-1 truncate font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
          {request}
        </code>
      </summary>
      <div className="grid gap-1.5 border-t border-zinc-200 p-2 dark:border-zinc-800">
        <div>
          <CopyButton
            text={text}
            label={`Copy ${title.toLowerCase()} JSON`}
            what={what}
            onStatus={onStatus}
          />
        </div>
        <Code text={text} label={`${title} JSON`} />
      </div>
    </details>
  );
}

function Code({ text, label }: { text: string; label: string }) {
  return (
    <section aria-label={label}>
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable block must be reachable from the keyboard
        tabIndex={0}
        className="max-h-72 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-[11px] leading-snug text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200"
      >
        {text.split(/\r?\n/).map(revealHidden).join('\n')}
      </pre>
    </section>
  );
}
