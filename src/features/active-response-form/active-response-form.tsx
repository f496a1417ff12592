import { Badge } from '../../components/badge';
import {
  BlockProblems,
  FormHeader,
  fieldId,
  OtherChildren,
  problemsOf,
  repeatedBadge,
} from '../../components/block-form-parts';
import { ChipsInput } from '../../components/chips-input';
import { Field, fieldDescribedBy } from '../../components/field';
import { SelectControl, TextControl } from '../../components/form-controls';
import { useBlockForm } from '../../components/use-block-form';
import {
  ACTIVE_RESPONSE_FIELDS,
  type Block,
  blockTitle,
  type Diagnostic,
  fieldValue,
  fileResponsesAbsence,
  type ResponseSummary,
  type TargetProfile,
} from '../../core';
import { isKnownResponseElement } from '../../core/derive/analysisd';

export interface ActiveResponseFormProps {
  block: Block;
  line: number;
  diagnostics: readonly Diagnostic[];
  target: TargetProfile;
  /** Names of the `<command>` blocks in the document, offered for the command field. */
  definedCommands: readonly string[];
  /** What the manager makes of the block; absent for an agent's file. */
  response: ResponseSummary | undefined;
  readOnly: boolean;
  /** The block is one of this many identical responses for different agents; each keeps its own agent_id. */
  groupSize?: number;
  onSet: (element: string, value: string) => void;
  onRemove: (element: string) => void;
}

const ELEMENTS = ACTIVE_RESPONSE_FIELDS.map((f) => f.element);
const YES_NO = [
  { value: 'no', label: 'no' },
  { value: 'yes', label: 'yes' },
];
const LOCATIONS = [
  { value: 'local', label: 'local — the agent that raised the alert' },
  { value: 'server', label: 'server — the manager' },
  { value: 'defined-agent', label: 'defined-agent — the agent in agent_id' },
  { value: 'all', label: 'all — every active agent' },
];
/** Shown only when the file has them: they are agent-side leftovers, rarely wanted in a new block. */
const ONLY_WHEN_PRESENT = new Set(['ca_store', 'ca_verification']);

export function ActiveResponseForm({
  block,
  line,
  diagnostics,
  target,
  definedCommands,
  response,
  readOnly,
  groupSize,
  onSet,
  onRemove,
}: ActiveResponseFormProps) {
  const values = Object.fromEntries(ELEMENTS.map((e) => [e, fieldValue(block, e)]));
  const blockForm = useBlockForm(ELEMENTS, values, onSet);
  const common = (element: string) => {
    const field = ACTIVE_RESPONSE_FIELDS.find((f) => f.element === element);
    if (!field) throw new Error(`No field ${element}`);
    return {
      blockForm,
      id: fieldId(element),
      element,
      label: field.label,
      help: field.help,
      present: values[element] !== undefined,
      problems: problemsOf(diagnostics, element),
      readOnly,
      onRemove: () => onRemove(element),
      status: (
        <>
          {repeatedBadge(block, element)}
          {!isKnownResponseElement(element, target) && (
            <Badge tone="amber" title={`${target.label} refuses this element in a manager's file (1230).`}>
              unknown to {target.label}
            </Badge>
          )}
        </>
      ),
    };
  };
  const location = values.location ?? '';
  const showAgentId =
    groupSize === undefined && (/defined-agent/i.test(location) || values.agent_id !== undefined);
  const groups = blockForm.form.watch('rules_group') ?? '';
  const groupField = common('rules_group');

  return (
    <form
      className="grid gap-4"
      aria-label={`Active response ${values.command ?? ''}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <FormHeader
        kind="active-response"
        // A <command> holding definitions names no command (C12).
        title={blockTitle(block) === undefined ? undefined : values.command}
        line={line}
      >
        {response && (
          <div className="flex items-start gap-2">
            <Badge
              tone={response.stateful ? 'green' : 'neutral'}
              title={
                response.stateful
                  ? `Undone after ${response.effectiveTimeout} s`
                  : 'A one-off action that is never undone'
              }
            >
              {response.outcome === 'disabled' ? 'disabled' : response.stateful ? 'stateful' : 'stateless'}
            </Badge>
            <p
              className="text-[13px] leading-snug text-zinc-700 dark:text-zinc-300"
              data-testid="response-summary"
            >
              {response.summary}
            </p>
          </div>
        )}
        {response?.arConfLine && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            ar.conf: <code className="font-mono text-zinc-800 dark:text-zinc-200">{response.arConfLine}</code>
          </p>
        )}
        {fileResponsesAbsence(target) && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="no-ar-conf">
            {fileResponsesAbsence(target)}
          </p>
        )}
      </FormHeader>
      <BlockProblems diagnostics={diagnostics} shown={ELEMENTS} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextControl {...common('command')} suggestions={definedCommands} />
        <SelectControl {...common('disabled')} options={YES_NO} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectControl {...common('location')} options={LOCATIONS} />
        {showAgentId && <TextControl {...common('agent_id')} inputMode="numeric" />}
      </div>
      <fieldset className="grid gap-4 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
        <legend className="px-1 text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
          Triggers
        </legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextControl {...common('level')} inputMode="numeric" />
          <TextControl {...common('rules_id')} />
        </div>
        <Field
          id={groupField.id}
          label={groupField.label}
          element="rules_group"
          help={groupField.help}
          problems={groupField.problems}
          status={
            <>
              {!groupField.present && <Badge>not set</Badge>}
              {groupField.status}
            </>
          }
          onRemove={groupField.present && !readOnly ? groupField.onRemove : undefined}
        >
          <ChipsInput
            id={groupField.id}
            value={groups}
            separator="|"
            readOnly={readOnly}
            placeholder="Add a group, then Enter or |"
            describedBy={fieldDescribedBy(groupField.id, groupField.problems.length)}
            invalid={groupField.problems.some((p) => p.severity === 'error')}
            onChange={(value) => blockForm.change('rules_group', value)}
            flag={(chip) =>
              chip.includes(',')
                ? 'A comma is literal in rules_group: this matches almost nothing. Use |.'
                : null
            }
          />
        </Field>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextControl {...common('timeout')} inputMode="numeric" />
        <TextControl {...common('repeated_offenders')} />
      </div>
      {[...ONLY_WHEN_PRESENT].map(
        (element) => values[element] !== undefined && <TextControl key={element} {...common(element)} />,
      )}
      <OtherChildren block={block} known={ELEMENTS} />
    </form>
  );
}
