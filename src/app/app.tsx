import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fieldId } from '../components/block-form-parts';
import { Button } from '../components/button';
import { downloadBytes } from '../components/download';
import { ErrorBoundary } from '../components/error-boundary';
import { Icon } from '../components/icon';
import { lazyPart } from '../components/lazy-part';
import { VisibleText } from '../components/visible-text';
import {
  applyOps,
  type Block,
  type BlockKind,
  type BlockSpec,
  type ConfigDocument,
  type Diagnostic,
  duplicateBlock,
  encodeText,
  fieldValue,
  type InsertTextOptions,
  insertBlock,
  moveBlock,
  positionAt,
  readDocument,
  readsAsSnippet,
  removeBlock,
  removeField,
  replaceText,
  resolveRole,
  type SharedDraft,
  type StockCommand,
  setField,
} from '../core';
import type { TextEncoding } from '../core/model/types';
import { ActiveResponseForm } from '../features/active-response-form/active-response-form';
import { useAgentGroup } from '../features/agent-group/use-agent-group';
import { BlockList } from '../features/block-list/block-list';
import { CommandForm } from '../features/command-form/command-form';
import { fragmentText, wholeFileText } from '../features/import-export/export-text';
import type { ImportMode } from '../features/import-export/import-dialog';
import type { ImportCandidate } from '../features/import-export/read-import';
import { useFileDrop } from '../features/import-export/use-file-drop';
import { TargetSuggestion } from '../features/migration/target-suggestion';
import { ProblemsPanel } from '../features/problems/problems-panel';
import { useSharedLink } from '../features/share/use-shared-link';
import { minimalChange } from '../features/xml-view/minimal-change';
import { PlainXmlView } from '../features/xml-view/plain-xml-view';
import { workerReader } from './analysis/read-in-worker';
import { applyEdit, type EditOptions, insertFragment, selectedBlock } from './document-edits';
import type { PageView } from './document-pipeline';
import type { CommitOptions } from './document-store';
import { createLineOf, definedCommands, freshCommandName } from './document-view';
import { DraftBar, RecentControl, SaveStatus } from './drafts/draft-ui';
import { useDrafts } from './drafts/drafts-context';
import { Header } from './header';
import { useDocumentState, usePageView, usePipeline, useStore } from './store-context';
import { useTheme } from './theme';
import { useEvent } from './use-event';
import { useHistoryKeys } from './use-history-keys';

// CodeMirror is half of the bundle; the rest of the page is usable while it loads. Its request starts as
// this module runs (index.html preloads it besides), not once React first renders the XML pane.
const xmlViewModule = import('../features/xml-view/xml-view');
// A failed load is shown where the view goes (the error boundary there), not reported early as unhandled.
xmlViewModule.catch(() => undefined);
const XmlView = lazy(() => xmlViewModule.then((m) => ({ default: m.XmlView })));

// Loaded the first time they are shown: the simulator, the dialogs, and the panel of a group of agents.
const AgentGroupPanel = lazyPart(
  () => import('../features/agent-group/agent-group-panel').then((m) => m.AgentGroupPanel),
  'the group of agents',
  'inline',
);
const DeployPanel = lazyPart(
  () => import('../features/deploy/deploy-panel').then((m) => m.DeployPanel),
  'the deployment steps',
  'overlay',
);
const DiffDialog = lazyPart(
  () => import('../features/diff/diff-dialog').then((m) => m.DiffDialog),
  'the diff',
  'overlay',
);
const ImportDialog = lazyPart(
  () => import('../features/import-export/import-dialog-part').then((m) => m.ImportDialogPart),
  'the import dialog',
  'overlay',
);
const MigrationView = lazyPart(
  () => import('../features/migration/migration-view').then((m) => m.MigrationView),
  'the migration view',
  'overlay',
);
const OpenSharedDialog = lazyPart(
  () => import('../features/share/open-shared-dialog').then((m) => m.OpenSharedDialog),
  'the shared draft',
  'overlay',
);
const ShareDialog = lazyPart(
  () => import('../features/share/share-dialog').then((m) => m.ShareDialog),
  'the share dialog',
  'overlay',
);
const SimulatorPanel = lazyPart(
  () => import('../features/simulator/simulator-panel').then((m) => m.SimulatorPanel),
  'the simulator',
  'inline',
);
const TemplateGallery = lazyPart(
  () => import('../features/templates/template-gallery-part').then((m) => m.TemplateGalleryPart),
  'the templates',
  'overlay',
);

const wholeView = (view: PageView) => view;

/**
 * Only responses for defined agents form agent groups: a field edit of any other block, its location
 * aside, leaves the groups as they are, and the page need not look for them in every block again.
 */
function cannotJoinAGroup(block: Block | undefined, element: string): boolean {
  if (!block || element === 'location') return false;
  return !(fieldValue(block, 'location') ?? '').toLowerCase().includes('defined-agent');
}

// The panels that show the whole document re-render when what they show changes, not on every keystroke.
const BlockListPanel = memo(BlockList);
const ProblemsListPanel = memo(ProblemsPanel);
const SimulatorView = memo(SimulatorPanel);

type EditResult = ConfigDocument | { doc: ConfigDocument; index: number };

const notOpened = (name: string) =>
  `${name} is not opened: another tab is editing this draft. Take over editing, then import it again.`;

export function App() {
  const store = useStore();
  const drafts = useDrafts();
  const state = useDocumentState();
  const [theme, setTheme] = useTheme();
  useHistoryKeys(store);

  const { text, encoding, snippet, original } = state.present;
  // Read, checked and derived in the pipeline, outside React: the page only lays out what it holds.
  const pipeline = usePipeline();
  const {
    doc,
    readable,
    settled,
    target,
    checks,
    items,
    groups,
    status: checkStatus,
  } = usePageView(wholeView);
  const { diagnostics, responses } = checks;

  // A fresh document starts on its first block; after that the store remembers the selection per state.
  const selected = selectedBlock(state, doc);
  const setSelected = useCallback((index: number | null) => store.select(index), [store]);
  const [reveal, setReveal] = useState<{ offset: number; nonce: number } | null>(null);
  const [follow, setFollow] = useState<{ offset: number; nonce: number } | null>(null);
  const [status, setStatus] = useState<string>('');
  const [dialog, setDialog] = useState<
    'import' | 'templates' | 'migrate' | 'deploy' | 'diff' | 'share' | null
  >(null);
  const [dropped, setDropped] = useState<File | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const formPane = useRef<HTMLElement>(null);

  const current = selected !== null && selected < doc.blocks.length ? selected : null;
  const locked = doc.xmlError !== null || state.readOnly;
  // While the text does not read, the form shows the block from the last readable text when it is still the same kind.
  const formSource =
    locked && current !== null && readable.blocks[current]?.kind === doc.blocks[current]?.kind
      ? readable
      : doc;
  const formBlock = current !== null ? formSource.blocks[current] : undefined;
  const commandNames = useMemo(() => definedCommands(formSource), [formSource]);
  const [lineOf] = useState(createLineOf);
  const blockDiagnostics = useMemo(
    () => (current === null ? [] : diagnostics.filter((d) => d.blockIndex === current)),
    [diagnostics, current],
  );

  useEffect(() => {
    if (selected !== null && selected >= doc.blocks.length) {
      setSelected(doc.blocks.length > 0 ? doc.blocks.length - 1 : null);
    }
  }, [doc.blocks.length, selected, setSelected]);

  // Every commit, undo and redo is announced: what changed, or what was undone or redone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the change counter is the trigger
  useEffect(() => {
    if (state.changes > 0) setStatus(state.lastChange);
  }, [state.changes]);

  // Another block's form starts at its top; a jump to a field then scrolls to that field when it takes focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection change is the trigger, not an input
  useEffect(() => {
    if (formPane.current) formPane.current.scrollTop = 0;
  }, [current]);

  useEffect(() => {
    if (!pendingFocus.current) return;
    const element = document.getElementById(pendingFocus.current);
    pendingFocus.current = null;
    element?.focus();
  });

  /**
   * Applies a document edit as one undo step. The selection afterwards is `selectAfter` when given, else the
   * block the edit created, else the current one.
   */
  const edit = useCallback(
    (
      change: (doc: ConfigDocument) => EditResult,
      label: string,
      options?: EditOptions,
    ): { doc: ConfigDocument; index: number | null } | null => {
      const outcome = applyEdit(store, pipeline, change, label, options);
      if ('refused' in outcome) {
        setStatus(outcome.refused);
        return null;
      }
      return outcome;
    },
    [store, pipeline],
  );

  const insertText = (fragment: string, label: string, options?: InsertTextOptions) =>
    insertFragment(store, pipeline, fragment, label, options);

  /**
   * Replaces the document with a file, in one undoable step (the one on screen goes to Recent); the file
   * becomes what the diff compares with. It opens on its first block, when it has one.
   */
  const openDocument = (
    file: { name: string; text: string; encoding: TextEncoding; snippet: boolean; blocks: number },
    change: Pick<CommitOptions, 'label' | 'announce'>,
  ) => {
    const { name, text, encoding, snippet } = file;
    drafts.replaceDocument(
      { text, encoding, snippet, original: { name, text, encoding }, selected: file.blocks > 0 ? 0 : null },
      change,
      doc,
    );
  };

  const readFile = useMemo(
    () => workerReader(state.target, state.role, pipeline.remember),
    [state.target, state.role, pipeline],
  );

  const onImport = (candidate: ImportCandidate, mode: ImportMode) => {
    setDropped(null);
    setDialog(null);
    // Another tab may have taken over while the dialog was open.
    if (store.getState().readOnly) {
      setStatus(notOpened(candidate.name));
      return;
    }
    if (mode === 'replace') {
      // The dialog read the file already: the page shows that document rather than reading it again.
      pipeline.adopt(candidate.doc);
      openDocument(
        { ...candidate, snippet: false, blocks: candidate.doc.blocks.length },
        { label: `Opened ${candidate.name}` },
      );
    } else {
      insertText(fragmentText(candidate.doc), `Added the blocks of ${candidate.name}`);
    }
  };

  const shared = useSharedLink();
  const openShared = async (draft: SharedDraft) => {
    // A link opened in a new tab while another tab edits the draft: the admin asked to open it here.
    if (store.getState().readOnly) await drafts.takeOver();
    if (store.getState().readOnly) {
      setStatus(
        'Another tab still edits the draft; the shared draft was not opened. Try again from that tab.',
      );
      return;
    }
    if (draft.target) store.setTarget(draft.target);
    store.setRole(draft.role);
    const blocks = readDocument(draft.text, draft.encoding, draft.snippet).blocks.length;
    openDocument(
      { ...draft, blocks },
      {
        label: `Opened the shared draft ${draft.name}`,
        announce: `Opened the shared draft ${draft.name}. Your previous draft is in Recent; undo also brings it back.`,
      },
    );
    shared.dismiss();
  };

  const onFile = useCallback(
    (file: File) => {
      if (store.getState().readOnly) {
        setStatus(notOpened(file.name));
        return;
      }
      setDropped(file);
      setDialog('import');
    },
    [store],
  );
  const dragging = useFileDrop(onFile);

  const add = useEvent((kind: BlockKind) => {
    const commands = definedCommands(doc);
    const spec: BlockSpec =
      kind === 'command'
        ? {
            kind,
            fields: [
              { name: 'name', value: freshCommandName(doc) },
              { name: 'executable', value: '' },
            ],
          }
        : {
            kind,
            fields: [
              { name: 'command', value: commands.at(-1) ?? '' },
              { name: 'location', value: 'local' },
            ],
          };
    const added = edit(
      (d) => insertBlock(d, spec),
      kind === 'command' ? 'Added a command' : 'Added a response',
    );
    if (added) pendingFocus.current = fieldId(kind === 'command' ? 'name' : 'command');
  });
  const duplicate = useEvent((i: number) => {
    edit((d) => duplicateBlock(d, i), 'Duplicated a block');
  });
  const remove = useEvent((i: number) => {
    agents.deleteRow(i) ||
      edit((d) => removeBlock(d, i), 'Deleted a block', {
        selectAfter: doc.blocks.length > 1 ? Math.min(i, doc.blocks.length - 2) : null,
      });
  });
  const move = useEvent((i: number, to: number) => {
    edit((d) => moveBlock(d, i, to), 'Moved a block', { selectAfter: to });
  });
  const seeMigration = useEvent(() => setDialog('migrate'));

  const insertStock = (command: StockCommand) => {
    const fields = [
      { name: 'name', value: command.name },
      { name: 'executable', value: command.executable },
      ...(command.expect !== undefined ? [{ name: 'expect', value: command.expect }] : []),
      { name: 'timeout_allowed', value: command.timeoutAllowed ? 'yes' : 'no' },
    ];
    edit((d) => insertBlock(d, { kind: 'command', fields }), `Inserted stock command ${command.name}`);
  };

  const jump = useEvent((diagnostic: Diagnostic) => {
    if (diagnostic.blockIndex !== undefined) setSelected(diagnostic.blockIndex);
    if (diagnostic.field) pendingFocus.current = fieldId(diagnostic.field);
    setReveal((r) => ({ offset: diagnostic.offset, nonce: (r?.nonce ?? 0) + 1 }));
  });

  const fix = useEvent((diagnostic: Diagnostic) => {
    const f = diagnostic.fix;
    if (f) edit((d) => applyOps(d, f.ops), `Fix: ${f.title}`);
  });

  const agents = useAgentGroup({
    doc: readable,
    groups,
    selected: current,
    target,
    responses,
    readOnly: locked,
    edit,
  });
  const onSet = (element: string, value: string) => {
    if (current === null) return;
    const grouped = agents.setField(element, value);
    const result =
      grouped === false
        ? edit((d) => setField(d, current, element, value), `Edited ${element}`, {
            coalesceKey: `field:${current}:${element}`,
            groupsKept: cannotJoinAGroup(doc.blocks[current], element),
          })
        : grouped;
    // The XML view follows the form: the edited line comes into view.
    const field = result?.doc.blocks[current]?.children.findLast((child) => child.name === element);
    if (field) setFollow((f) => ({ offset: field.start, nonce: (f?.nonce ?? 0) + 1 }));
  };
  const onRemove = (element: string) => {
    if (current !== null && !agents.removeField(element))
      edit((d) => removeField(d, current, element), `Removed <${element}>`, {
        groupsKept: cannotJoinAGroup(doc.blocks[current], element),
      });
  };

  // Typing in the XML view: the document is the current one with that range replaced, which the core can
  // read again around the change rather than the whole file.
  const onXmlChange = useEvent((next: string) => {
    const change = minimalChange(doc.text, next);
    if (!state.readOnly) pipeline.adopt(replaceText(doc, change.from, change.to, change.insert));
    store.commit({ text: next }, { label: 'Edited the XML', coalesceKey: 'xml' });
  });

  const blockLabel = useEvent((index: number) => {
    const item = items[index];
    if (!item) return `Block ${index + 1}`;
    const name = item.title === undefined ? '(no name)' : item.title;
    const block = doc.blocks[index];
    const line = block ? ` · line ${positionAt(doc.text, block.start).line}` : '';
    return `${item.kind === 'command' ? 'Command' : 'Response'} ${name}${line}`;
  });

  const errorPosition = doc.xmlError ? positionAt(doc.text, doc.xmlError.offset) : null;
  const modified = original !== null && original.text !== text;
  const changed = checks.changed;
  const marks = useMemo(
    () =>
      diagnostics.map((d) => ({
        from: d.offset,
        to: d.endOffset ?? d.offset,
        severity: d.severity,
        message: d.message,
      })),
    [diagnostics],
  );
  const highlight =
    current !== null && doc.blocks[current]
      ? { from: doc.blocks[current].start, to: doc.blocks[current].end }
      : null;

  return (
    <div className="flex min-h-screen flex-col bg-zinc-50 text-zinc-900 wide:h-screen dark:bg-zinc-950 dark:text-zinc-100">
      <Header
        fileName={original?.name ?? (text === '' ? 'Untitled draft' : 'Draft')}
        modified={modified}
        doc={doc}
        target={target.id}
        role={state.role}
        detectedRole={resolveRole(doc, 'auto')}
        canUndo={state.past.length > 0 && !state.readOnly}
        canRedo={state.future.length > 0 && !state.readOnly}
        readOnly={state.readOnly}
        theme={theme}
        onImport={() => setDialog('import')}
        onTemplates={() => setDialog('templates')}
        onShare={() => setDialog('share')}
        onMigrate={() => setDialog('migrate')}
        onDeploy={() => setDialog('deploy')}
        onNew={() => {
          drafts.replaceDocument(
            { text: '', encoding: 'utf-8', snippet: false, original: null, selected: null },
            {
              label: 'New document',
              announce: 'New document. The previous one is in Recent; undo also brings it back.',
            },
            doc,
          );
        }}
        recent={
          <RecentControl
            current={doc}
            currentDocumentId={state.present.documentId}
            disabled={state.readOnly}
          />
        }
        onTarget={(t) => store.setTarget(t)}
        onRole={(r) => store.setRole(r)}
        onUndo={() => store.undo()}
        onRedo={() => store.redo()}
        onTheme={setTheme}
        onStatus={setStatus}
      />
      <DraftBar />
      <TargetSuggestion
        key={original?.name ?? 'draft'}
        doc={readable}
        target={target}
        role={state.role}
        onTarget={(t) => store.setTarget(t)}
        onMigrate={() => setDialog('migrate')}
      />
      <main className="grid flex-auto grid-cols-1 wide:flex-1 md:grid-cols-[minmax(220px,260px)_minmax(0,1fr)] wide:min-h-0 wide:grid-cols-[minmax(240px,280px)_minmax(380px,1fr)_minmax(420px,1.15fr)] wide:grid-rows-[minmax(0,1fr)_minmax(140px,26%)]">
        <aside className="h-[22rem] min-h-0 border-b border-zinc-200 bg-white md:h-[30rem] md:border-r md:border-b-0 wide:h-auto dark:border-zinc-800 dark:bg-zinc-900">
          <BlockListPanel
            items={items}
            selected={current}
            onSelect={setSelected}
            onAdd={add}
            onDuplicate={duplicate}
            onDelete={remove}
            onMove={move}
            readOnly={locked}
          />
        </aside>
        <section
          ref={formPane}
          aria-label="Block form"
          className="relative min-h-0 overflow-auto bg-white px-4 py-4 md:h-[30rem] md:px-5 wide:h-auto dark:bg-zinc-900/40"
        >
          {locked && errorPosition && (
            <p
              role="status"
              className="mb-4 flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2.5 text-[13px] text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
            >
              <Icon name="warning" className="mt-0.5" />
              <span>
                The XML does not read at line {errorPosition.line}, column {errorPosition.column}. The form
                shows the last version that did and is read-only until the XML is fixed (or undone).
              </span>
            </p>
          )}
          {formBlock && !formBlock.inConfigRoot && (
            <p className="mb-4 flex items-start gap-2 rounded-md border border-zinc-200 bg-zinc-50 p-2.5 text-[13px] text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
              <Icon name="info" className="mt-0.5" />
              This block is not inside an &lt;ossec_config&gt; root, so the daemon does not read it.
            </p>
          )}
          {formBlock?.kind === 'command' && (
            <CommandForm
              key={`${current}:command`}
              block={formBlock}
              line={lineOf(formSource.text, formBlock.start)}
              diagnostics={blockDiagnostics}
              target={target}
              readOnly={locked}
              encoding={formSource.encoding}
              onSet={onSet}
              onRemove={onRemove}
            />
          )}
          {agents.panel && (
            <div className="mb-4">
              <AgentGroupPanel {...agents.panel} />
            </div>
          )}
          {formBlock?.kind === 'active-response' && (
            <ActiveResponseForm
              groupSize={agents.group?.members.length}
              key={`${current}:active-response`}
              block={formBlock}
              line={lineOf(formSource.text, formBlock.start)}
              diagnostics={blockDiagnostics}
              target={target}
              definedCommands={commandNames}
              response={responses.find((r) => r.blockIndex === current)}
              readOnly={locked}
              encoding={formSource.encoding}
              onSet={onSet}
              onRemove={onRemove}
            />
          )}
          {!formBlock && (
            <div className="mx-auto mt-10 grid max-w-sm justify-items-center gap-3 text-center">
              <span className="flex size-10 items-center justify-center rounded-full bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                <Icon name="bolt" className="size-5" />
              </span>
              <h2 className="text-[15px] font-semibold">
                {doc.blocks.length === 0 ? 'No active response yet' : 'Select a block'}
              </h2>
              <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
                {doc.blocks.length === 0
                  ? 'Start from one of the documented examples, open your ossec.conf, or add a block. The XML on the right is the file as it will be saved.'
                  : 'Pick a command or response on the left to edit it here.'}
              </p>
              {doc.blocks.length === 0 && !state.readOnly && (
                <div className="flex gap-2">
                  <Button variant="primary" onClick={() => setDialog('templates')}>
                    Browse templates
                  </Button>
                  <Button onClick={() => setDialog('import')}>Import a file</Button>
                </div>
              )}
            </div>
          )}
        </section>
        <section
          aria-labelledby="xml-title"
          className="flex h-[70vh] min-h-0 flex-col border-t border-zinc-200 bg-white md:col-span-2 wide:col-span-1 wide:h-auto wide:border-t-0 wide:border-l dark:border-zinc-800 dark:bg-zinc-950"
        >
          <header className="flex h-9 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
            <h2
              id="xml-title"
              className="text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300"
            >
              XML
            </h2>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">
              {encoding === 'utf-8' ? 'UTF-8' : 'Latin-1'} · {doc.layout.eol === '\r\n' ? 'CRLF' : 'LF'} ·{' '}
              {doc.shape === 'empty' ? 'empty' : readsAsSnippet(doc) ? 'snippet' : 'whole file'}
            </span>
            {modified && (
              <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                <span aria-hidden="true" className="h-3 w-[3px] rounded-sm bg-amber-600 dark:bg-amber-500" />
                {changed.length} {changed.length === 1 ? 'line' : 'lines'} changed since import
              </span>
            )}
            {original && (
              <Button
                size="sm"
                variant="ghost"
                className="ml-auto"
                icon={<Icon name="diff" className="size-3.5" />}
                onClick={() => setDialog('diff')}
              >
                Diff
              </Button>
            )}
            {modified && original && !state.readOnly && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  store.commit(
                    { text: original.text, encoding: original.encoding },
                    {
                      label: 'Reverted to the imported file',
                      announce: 'Reverted to the imported file. Undo brings the edits back.',
                    },
                  );
                }}
              >
                Revert to imported
              </Button>
            )}
          </header>
          {doc.xmlError && errorPosition && (
            <p
              role="alert"
              data-testid="xml-error"
              className="flex shrink-0 items-start gap-2 border-b border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
            >
              <Icon name="error" className="mt-px size-3.5" />
              <span>
                Line {errorPosition.line}, column {errorPosition.column}:{' '}
                <VisibleText text={doc.xmlError.message} />
              </span>
            </p>
          )}
          <div className="min-h-0 flex-1">
            <ErrorBoundary
              fallback={(error) => (
                <p role="alert" className="p-3 text-[13px] text-red-700 dark:text-red-400">
                  The XML view could not start ({error.message}). The forms still work; export keeps your
                  text.
                </p>
              )}
            >
              <Suspense fallback={<PlainXmlView text={text} />}>
                <XmlView
                  text={text}
                  readOnly={state.readOnly}
                  onChange={onXmlChange}
                  highlight={highlight}
                  marks={marks}
                  reveal={reveal}
                  follow={follow}
                  dark={theme === 'dark'}
                  changed={changed}
                />
              </Suspense>
            </ErrorBoundary>
          </div>
        </section>
        <div className="col-span-full grid min-h-0 grid-cols-1 border-t border-zinc-200 bg-white md:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] wide:grid-cols-[minmax(0,1fr)_30rem] dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex h-[24rem] min-h-0 flex-col wide:h-auto">
            {checkStatus.kind === 'over-budget' || checkStatus.kind === 'failed' ? (
              <p
                role="status"
                className="flex items-start gap-2 border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
              >
                <Icon name="warning" className="mt-px size-3.5" />
                {checkStatus.kind === 'over-budget'
                  ? `Checking this document took longer than ${checkStatus.budgetMs / 1000} s and was stopped; the problems shown are from before. Editing goes on.`
                  : `The checks stopped: ${checkStatus.message}. The problems shown are from before; editing goes on.`}
              </p>
            ) : null}
            <div className="min-h-0 flex-1">
              <ProblemsListPanel
                diagnostics={diagnostics}
                blockLabel={blockLabel}
                onJump={jump}
                onFix={fix}
                onSee={seeMigration}
              />
            </div>
          </div>
          <div className="h-[28rem] min-h-0 border-t border-zinc-200 md:h-[24rem] md:border-t-0 md:border-l wide:h-auto dark:border-zinc-800">
            <SimulatorView
              doc={settled}
              target={target}
              blockLabel={blockLabel}
              onSelect={setSelected}
              run={pipeline.simulate}
            />
          </div>
        </div>
      </main>
      <footer className="flex h-6 shrink-0 items-center gap-3 border-t border-zinc-200 bg-white px-3 text-[11px] text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
        <span role="status" aria-live="polite" className="min-w-0 flex-1 truncate">
          <VisibleText text={status} />
        </span>
        <SaveStatus />
        <span>{target.label}</span>
      </footer>
      {dragging && (
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-blue-600/10 ring-4 ring-blue-600 ring-inset">
          <p className="rounded-md bg-white px-4 py-2 text-[13px] font-medium shadow-lg dark:bg-zinc-900">
            {state.readOnly
              ? 'Another tab is editing this draft: take over editing to import a file'
              : 'Drop the file to import it'}
          </p>
        </div>
      )}
      {dialog === 'import' && (
        <ImportDialog
          open
          onClose={() => {
            setDialog(null);
            setDropped(null);
          }}
          droppedFile={dropped}
          target={target}
          role={state.role}
          readFile={readFile}
          onImport={onImport}
        />
      )}
      {dialog === 'diff' && original && (
        <DiffDialog
          open
          onClose={() => setDialog(null)}
          original={original}
          doc={doc}
          readOnly={state.readOnly}
          onEdit={edit}
          onStatus={setStatus}
        />
      )}
      {dialog === 'share' && (
        <ShareDialog
          open
          onClose={() => setDialog(null)}
          draft={{
            name: original?.name ?? 'ossec.conf',
            text,
            encoding,
            snippet,
            target: target.id,
            role: state.role,
          }}
          onStatus={setStatus}
        />
      )}
      {shared.read && (
        <OpenSharedDialog
          read={shared.read}
          currentTarget={target.id}
          readOnly={state.readOnly}
          onOpen={openShared}
          onClose={shared.dismiss}
        />
      )}
      {dialog === 'migrate' && (
        <MigrationView
          open
          onClose={() => setDialog(null)}
          doc={readable}
          target={target}
          role={state.role}
          fileName={original?.name ?? 'ossec.conf'}
          onStatus={setStatus}
        />
      )}
      {dialog === 'deploy' && (
        <DeployPanel
          open
          onClose={() => setDialog(null)}
          doc={readable}
          target={target}
          fileRole={state.role}
          initialRole={resolveRole(readable, state.role)}
          onDownloadFile={() => {
            downloadBytes(encodeText(wholeFileText(readable), readable.encoding), 'ossec.conf');
            setStatus('Downloaded ossec.conf.');
          }}
          download={(text, name) => downloadBytes(new TextEncoder().encode(text), name)}
          onStatus={setStatus}
        />
      )}
      {dialog === 'templates' && (
        <TemplateGallery
          open
          onClose={() => setDialog(null)}
          onInsert={insertText}
          targetLabel={target.label}
          stockCommands={target.stockCommands}
          onInsertStock={insertStock}
          onStatus={setStatus}
        />
      )}
    </div>
  );
}
