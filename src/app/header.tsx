import type { ReactNode } from 'react';
import { Button, IconButton } from '../components/button';
import { cx } from '../components/cx';
import { Icon } from '../components/icon';
import { VisibleText } from '../components/visible-text';
import { type ConfigDocument, type RoleOption, revealHidden, TARGETS } from '../core';
import { ExportMenu } from '../features/import-export/export-menu';
import type { Theme } from './theme';

export interface HeaderProps {
  fileName: string;
  modified: boolean;
  doc: ConfigDocument;
  target: string;
  role: RoleOption;
  detectedRole: 'manager' | 'agent';
  canUndo: boolean;
  canRedo: boolean;
  /** Another tab edits the draft: nothing here may change the document. */
  readOnly: boolean;
  /** The Recent menu, beside "New". */
  recent: ReactNode;
  theme: Theme;
  onImport: () => void;
  onTemplates: () => void;
  onShare: () => void;
  onMigrate: () => void;
  onDeploy: () => void;
  onNew: () => void;
  onTarget: (target: string) => void;
  onRole: (role: RoleOption) => void;
  onUndo: () => void;
  onRedo: () => void;
  onTheme: (theme: Theme) => void;
  onStatus: (message: string) => void;
}

const selectClass = cx(
  'h-8 rounded-md border border-zinc-300 bg-white pr-7 pl-2 text-[13px] text-zinc-900',
  'dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 disabled:cursor-not-allowed disabled:opacity-50',
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400',
);

export function Header(props: HeaderProps) {
  const { doc, theme } = props;
  const ossec = TARGETS.filter((t) => t.product === 'ossec');
  const wazuh = TARGETS.filter((t) => t.product === 'wazuh').toReversed();
  return (
    <header className="flex min-h-12 shrink-0 flex-wrap items-center gap-x-2 gap-y-1.5 border-b border-zinc-200 bg-white px-3 py-1.5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex min-w-0 max-w-full flex-[1_1_14rem] items-center gap-2 pr-2">
        <span
          aria-hidden="true"
          className="flex size-7 items-center justify-center rounded-md bg-blue-600 text-white dark:bg-blue-500 dark:text-zinc-950"
        >
          <Icon name="bolt" className="size-4" />
        </span>
        <h1 className="shrink-0 text-[14px] font-semibold tracking-tight whitespace-nowrap">AR Studio</h1>
        <span
          className="min-w-0 truncate font-mono text-xs text-zinc-600 dark:text-zinc-400"
          title={revealHidden(props.fileName)}
        >
          <VisibleText text={props.fileName} />
          {props.modified && <span className="text-amber-700 dark:text-amber-400"> · modified</span>}
        </span>
      </div>
      <nav aria-label="Document" className="flex flex-wrap items-center gap-1.5">
        <Button
          icon={<Icon name="upload" className="size-3.5" />}
          onClick={props.onImport}
          disabled={props.readOnly}
        >
          Import
        </Button>
        <Button
          icon={<Icon name="grid" className="size-3.5" />}
          onClick={props.onTemplates}
          disabled={props.readOnly}
        >
          Templates
        </Button>
        <ExportMenu doc={doc} onStatus={props.onStatus} onShare={props.onShare} />
        <Button collapse icon={<Icon name="migrate" className="size-3.5" />} onClick={props.onMigrate}>
          Migrate to 5.0
        </Button>
        <Button collapse icon={<Icon name="terminal" className="size-3.5" />} onClick={props.onDeploy}>
          Deploy
        </Button>
        <Button
          collapse
          variant="ghost"
          icon={<Icon name="file" className="size-3.5" />}
          onClick={props.onNew}
          disabled={props.readOnly}
        >
          New
        </Button>
        {props.recent}
      </nav>
      <div className="ml-auto flex flex-wrap items-center gap-1.5">
        <label className="flex items-center gap-1.5 text-xs text-zinc-700 dark:text-zinc-300">
          <span className="max-2xl:sr-only">Target</span>
          <select
            className={selectClass}
            title="The product and version your daemons run: every check follows it"
            value={props.target}
            disabled={props.readOnly}
            onChange={(e) => props.onTarget(e.target.value)}
          >
            <optgroup label="Wazuh">
              {wazuh.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="OSSEC">
              {ossec.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-xs text-zinc-700 dark:text-zinc-300">
          <span className="max-2xl:sr-only">Role</span>
          <select
            className={selectClass}
            title="Whose file this is: a manager's (analysisd reads it) or an agent's (execd)"
            value={props.role}
            disabled={props.readOnly}
            onChange={(e) => props.onRole(e.target.value as RoleOption)}
          >
            <option value="auto">Auto ({props.detectedRole})</option>
            <option value="manager">Manager</option>
            <option value="agent">Agent</option>
          </select>
        </label>
        <span className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-700" aria-hidden="true" />
        <IconButton
          label="Undo (Ctrl+Z)"
          icon={<Icon name="undo" />}
          disabled={!props.canUndo}
          onClick={props.onUndo}
        />
        <IconButton
          label="Redo (Ctrl+Shift+Z)"
          icon={<Icon name="redo" />}
          disabled={!props.canRedo}
          onClick={props.onRedo}
        />
        <IconButton
          label="Dark theme"
          aria-pressed={theme === 'dark'}
          icon={<Icon name={theme === 'dark' ? 'moon' : 'sun'} />}
          onClick={() => props.onTheme(theme === 'dark' ? 'light' : 'dark')}
        />
      </div>
    </header>
  );
}
