import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { CopyButton } from '../../components/copy-button';
import { Dialog } from '../../components/dialog';
import { downloadBytes } from '../../components/download';
import { Icon } from '../../components/icon';
import { encodeText, type StockCommand } from '../../core';
import {
  type ScriptEntry,
  type TemplateEntry,
  type TemplateIndex,
  templateFileQuery,
  templateIndexQuery,
} from './template-queries';

export interface TemplateGalleryProps {
  open: boolean;
  onClose: () => void;
  /**
   * Inserts the template's text as it is (defects included when documented). A corrected one reuses a
   * command the document already defines rather than adding a second definition nothing would use.
   */
  onInsert: (text: string, label: string, options: { reuseCommands: boolean }) => void;
  targetLabel: string;
  stockCommands: readonly StockCommand[];
  onInsertStock: (command: StockCommand) => void;
  /** Tells the page what was copied or downloaded. */
  onStatus: (message: string) => void;
}

export function TemplateGallery({
  open,
  onClose,
  onInsert,
  targetLabel,
  stockCommands,
  onInsertStock,
  onStatus,
}: TemplateGalleryProps) {
  const index = useQuery({ ...templateIndexQuery(), enabled: open });
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  const insert = async (template: TemplateEntry, variant: 'documented' | 'corrected') => {
    setFailure(null);
    try {
      const text = await client.fetchQuery(templateFileQuery(template[variant]));
      onInsert(text, `Insert ${template.id} (${variant})`, { reuseCommands: variant === 'corrected' });
      onClose();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="xl"
      title="Templates"
      description="The six examples of the Wazuh documentation, word for word with their defects, and a corrected version of each; the Wazuh 5.0 (beta) stock response; scaffolds for custom scripts."
    >
      {index.isPending && <p className="text-[13px] text-zinc-600 dark:text-zinc-400">Loading templates…</p>}
      {index.isError && (
        <p role="alert" className="text-[13px] text-red-700 dark:text-red-400">
          {index.error.message}
        </p>
      )}
      {failure && (
        <p role="alert" className="mb-3 text-[13px] text-red-700 dark:text-red-400">
          {failure}
        </p>
      )}
      {index.data && (
        <>
          <ul className="grid gap-3 sm:grid-cols-2" aria-label="Documented examples">
            {index.data.templates.map((template) => (
              <TemplateCard
                key={template.id}
                template={template}
                correctedFor={index.data.correctedFor}
                onInsert={(variant) => insert(template, variant)}
              />
            ))}
          </ul>
          <section aria-labelledby="stock-title" className="mt-5">
            <h3 id="stock-title" className="text-[13px] font-semibold">
              Stock commands of {targetLabel}
            </h3>
            <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
              What the {targetLabel} install templates define; insert one as a <code>&lt;command&gt;</code>{' '}
              block.
            </p>
            {stockCommands.length === 0 && (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {targetLabel} defines no commands in its configuration: see block-ip below.
              </p>
            )}
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 md:grid-cols-3">
              {stockCommands.map((command) => (
                <li
                  key={command.name}
                  className="flex items-center gap-2 rounded-md border border-zinc-200 px-2.5 py-1.5 dark:border-zinc-800"
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-mono text-[13px]">{command.name}</span>
                    <span className="block truncate font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
                      {command.executable}
                      {command.timeoutAllowed ? ' · timeout allowed' : ''}
                    </span>
                  </span>
                  <Button
                    size="sm"
                    aria-label={`Insert stock command ${command.name}`}
                    onClick={() => {
                      onInsertStock(command);
                      onClose();
                    }}
                  >
                    Insert
                  </Button>
                </li>
              ))}
            </ul>
          </section>
          <StockFive entry={index.data.stock5} onStatus={onStatus} />
          <section aria-labelledby="scripts-title" className="mt-5">
            <h3 id="scripts-title" className="text-[13px] font-semibold">
              Scripts for custom responses
            </h3>
            <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
              Each reads exactly one JSON line from standard input (execd keeps the pipe open), does the
              check_keys handshake, and logs to active-responses.log. The input changed in 5.0: use the
              scaffold for the version your agents run.
            </p>
            <ul className="grid grid-cols-2 gap-3" aria-label="Script scaffolds">
              {index.data.scripts.map((script) => (
                <ScriptCard key={script.id} script={script} onStatus={onStatus} />
              ))}
            </ul>
          </section>
        </>
      )}
    </Dialog>
  );
}

function save(text: string, name: string, type: string, onStatus: (m: string) => void) {
  downloadBytes(encodeText(text, 'utf-8'), name, type);
  onStatus(`Downloaded ${name}.`);
}

function StockFive({ entry, onStatus }: { entry: TemplateIndex['stock5']; onStatus: (m: string) => void }) {
  const file = useQuery(templateFileQuery(entry.file));
  const bodies = file.data ? (JSON.parse(file.data) as { definition: unknown; monitor: unknown }) : null;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return (
    <section aria-labelledby="stock5-title" className="mt-5" data-testid="template-block-ip-5">
      <h3 id="stock5-title" className="flex items-center gap-2 text-[13px] font-semibold">
        {entry.title} <Badge tone="violet">{entry.worksWith}</Badge>
      </h3>
      <p className="mt-1 mb-2 text-xs text-zinc-600 dark:text-zinc-400">{entry.summary}</p>
      {bodies && (
        <div className="flex flex-wrap gap-2">
          <CopyButton
            text={json(bodies.definition)}
            label="Copy definition"
            what="the block-ip definition (POST _plugins/_notifications/configs)"
            onStatus={onStatus}
          />
          <CopyButton
            text={json(bodies.monitor)}
            label="Copy monitor"
            what="the block-ip monitor (POST _plugins/_alerting/monitors)"
            onStatus={onStatus}
          />
          <Button
            size="sm"
            icon={<Icon name="download" className="size-3.5" />}
            onClick={() => save(file.data ?? '', entry.file, 'application/json', onStatus)}
          >
            Download
          </Button>
        </div>
      )}
    </section>
  );
}

function ScriptCard({ script, onStatus }: { script: ScriptEntry; onStatus: (m: string) => void }) {
  const file = useQuery(templateFileQuery(script.file));
  return (
    <li
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950/40"
      data-testid={`script-${script.id}`}
    >
      <div className="flex items-center gap-2">
        <h4 className="min-w-0 flex-1 truncate text-[13px] font-semibold">
          {script.title}{' '}
          <span className="font-mono font-normal text-zinc-600 dark:text-zinc-400">{script.file}</span>
        </h4>
        <Badge tone={script.worksWith.startsWith('Wazuh 5') ? 'violet' : 'blue'}>
          Works with {script.worksWith}
        </Badge>
      </div>
      <p className="text-xs text-zinc-700 dark:text-zinc-300">{script.summary}</p>
      {file.data && (
        <pre
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable block must be reachable from the keyboard
          tabIndex={0}
          className="max-h-40 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-[11px] leading-snug whitespace-pre text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200"
        >
          {file.data}
        </pre>
      )}
      <div className="mt-auto">
        <Button
          size="sm"
          icon={<Icon name="download" className="size-3.5" />}
          aria-label={`Download ${script.file}`}
          disabled={!file.data}
          onClick={() => save(file.data ?? '', script.file, 'text/plain', onStatus)}
        >
          Download
        </Button>
      </div>
    </li>
  );
}

function TemplateCard({
  template,
  correctedFor,
  onInsert,
}: {
  template: TemplateEntry;
  correctedFor: string;
  onInsert: (variant: 'documented' | 'corrected') => void;
}) {
  const preview = useQuery(templateFileQuery(template.documented));
  return (
    <li
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950/40"
      data-testid={`template-${template.id}`}
    >
      <div className="flex items-center gap-2">
        <h3 className="min-w-0 flex-1 truncate text-[13px] font-semibold">
          {template.title}{' '}
          <span className="font-mono font-normal text-zinc-600 dark:text-zinc-400">{template.id}</span>
        </h3>
        <Badge tone={template.mode === 'stateful' ? 'green' : 'neutral'}>{template.mode}</Badge>
      </div>
      <p className="text-xs text-zinc-700 dark:text-zinc-300">{template.summary}</p>
      <div>
        <h4 className="text-xs font-medium text-amber-800 dark:text-amber-300">Wrong as documented</h4>
        <ul className="mt-0.5 list-disc space-y-0.5 pl-4 text-xs text-zinc-700 dark:text-zinc-300">
          {template.defects.map((defect) => (
            <li key={defect}>{defect}</li>
          ))}
        </ul>
      </div>
      {preview.data && (
        <pre className="rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-[11px] leading-snug break-all whitespace-pre-wrap text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200">
          {preview.data}
        </pre>
      )}
      <p className="text-[11px] text-zinc-600 dark:text-zinc-400">
        Corrected for {correctedFor}: {template.corrections.join('; ')}.
      </p>
      <div className="mt-auto flex gap-2">
        <Button
          size="sm"
          onClick={() => onInsert('documented')}
          aria-label={`Insert ${template.id} as documented`}
        >
          Insert as documented
        </Button>
        <Button
          size="sm"
          variant="primary"
          icon={<Icon name="check" className="size-3.5" />}
          onClick={() => onInsert('corrected')}
          aria-label={`Insert ${template.id} corrected`}
        >
          Insert corrected
        </Button>
      </div>
    </li>
  );
}
