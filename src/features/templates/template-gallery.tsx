import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Icon } from '../../components/icon';
import type { StockCommand } from '../../core';
import { type TemplateEntry, templateFileQuery, templateIndexQuery } from './template-queries';

export interface TemplateGalleryProps {
  open: boolean;
  onClose: () => void;
  /** Inserts the template's text as it is (defects included when documented). */
  onInsert: (text: string, label: string) => void;
  targetLabel: string;
  stockCommands: readonly StockCommand[];
  onInsertStock: (command: StockCommand) => void;
}

export function TemplateGallery({
  open,
  onClose,
  onInsert,
  targetLabel,
  stockCommands,
  onInsertStock,
}: TemplateGalleryProps) {
  const index = useQuery({ ...templateIndexQuery(), enabled: open });
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  const insert = async (template: TemplateEntry, variant: 'documented' | 'corrected') => {
    setFailure(null);
    try {
      const text = await client.fetchQuery(templateFileQuery(template[variant]));
      onInsert(text, `Insert ${template.id} (${variant})`);
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
      description="The six examples of the Wazuh documentation, word for word with their defects, and a corrected version of each."
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
        </>
      )}
    </Dialog>
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
