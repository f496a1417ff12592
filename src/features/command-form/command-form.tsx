import { Badge } from '../../components/badge';
import {
  BlockProblems,
  FormHeader,
  fieldId,
  OtherChildren,
  problemsOf,
  repeatedBadge,
} from '../../components/block-form-parts';
import { SelectControl, TextControl } from '../../components/form-controls';
import { useBlockForm } from '../../components/use-block-form';
import {
  type Block,
  COMMAND_FIELDS,
  type Diagnostic,
  fieldValue,
  revealHidden,
  type TargetProfile,
  type TextEncoding,
} from '../../core';
import { isKnownCommandElement } from '../../core/derive/analysisd';

export interface CommandFormProps {
  block: Block;
  line: number;
  diagnostics: readonly Diagnostic[];
  target: TargetProfile;
  readOnly: boolean;
  /** The file's encoding: a value it cannot hold is refused in the form. */
  encoding: TextEncoding;
  onSet: (element: string, value: string) => void;
  onRemove: (element: string) => void;
}

const ELEMENTS = COMMAND_FIELDS.map((f) => f.element);
const YES_NO = [
  { value: 'yes', label: 'yes' },
  { value: 'no', label: 'no' },
];

export function CommandForm({
  block,
  line,
  diagnostics,
  target,
  readOnly,
  encoding,
  onSet,
  onRemove,
}: CommandFormProps) {
  const values = Object.fromEntries(ELEMENTS.map((e) => [e, fieldValue(block, e)]));
  const blockForm = useBlockForm(ELEMENTS, values, onSet, encoding);
  const info = (element: string) => {
    const field = COMMAND_FIELDS.find((f) => f.element === element);
    if (!field) throw new Error(`No field ${element}`);
    return { label: field.label, help: field.help };
  };
  const common = (element: string) => ({
    blockForm,
    id: fieldId(element),
    element,
    ...info(element),
    present: values[element] !== undefined,
    problems: problemsOf(diagnostics, element),
    readOnly,
    onRemove: () => onRemove(element),
  });
  const targetStatus = (element: string) => (
    <>
      {repeatedBadge(block, element)}
      {!isKnownCommandElement(element, target) && (
        <Badge tone="amber" title={`${target.label} refuses this element (1230).`}>
          unknown to {target.label}
        </Badge>
      )}
      {element === 'expect' && target.expect === 'ignored' && <Badge>ignored by {target.label}</Badge>}
      {element === 'expect' && target.expect === 'required' && (
        <Badge tone="blue">required by {target.label}</Badge>
      )}
    </>
  );

  return (
    <form
      className="grid gap-4"
      aria-label={`Command ${revealHidden(values.name ?? '')}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <FormHeader kind="command" title={values.name} line={line}>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Defines a script responses can run. Runs on the host a response targets, from its
          active-response/bin.
        </p>
      </FormHeader>
      <BlockProblems diagnostics={diagnostics} shown={ELEMENTS} />
      <TextControl {...common('name')} status={targetStatus('name')} />
      <TextControl
        {...common('executable')}
        status={targetStatus('executable')}
        suggestions={target.stockExecutables}
      />
      <SelectControl
        {...common('timeout_allowed')}
        status={targetStatus('timeout_allowed')}
        options={YES_NO}
      />
      <TextControl {...common('expect')} status={targetStatus('expect')} />
      <TextControl {...common('extra_args')} status={targetStatus('extra_args')} />
      <OtherChildren block={block} known={ELEMENTS} />
    </form>
  );
}
