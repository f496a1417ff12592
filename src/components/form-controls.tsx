import type { ReactNode } from 'react';
import { hasHiddenCharacters, revealHidden } from '../core';
import { Badge } from './badge';
import { Field, type FieldProblem, fieldDescribedBy, inputClass } from './field';
import type { BlockForm } from './use-block-form';
import { VisibleText } from './visible-text';

export interface ControlProps {
  blockForm: BlockForm;
  id: string;
  element: string;
  label: string;
  help: string;
  /** The element is in the block (even empty); absent fields show "not set". */
  present: boolean;
  problems: FieldProblem[];
  readOnly: boolean;
  onRemove: () => void;
  /** Extra badges: unknown to the target, ignored by it, … */
  status?: ReactNode;
}

function presenceBadge(present: boolean, value: string): ReactNode {
  if (!present) return <Badge>not set</Badge>;
  if (value === '') return <Badge>empty element</Badge>;
  return null;
}

function allProblems(blockForm: BlockForm, element: string, problems: FieldProblem[]): FieldProblem[] {
  const refused = blockForm.form.formState.errors[element]?.message;
  return refused ? [{ severity: 'error', message: `Not written: ${refused}` }, ...problems] : problems;
}

/** The field around a control: label, presence badge, the target's badges, problems, help, remove. */
function ControlField({
  id,
  label,
  element,
  help,
  present,
  readOnly,
  onRemove,
  status,
  value,
  shown,
  children,
}: ControlProps & { value: string; shown: FieldProblem[]; children: ReactNode }) {
  return (
    <Field
      id={id}
      label={label}
      element={element}
      help={help}
      problems={shown}
      status={
        <>
          {presenceBadge(present, value)}
          {status}
        </>
      }
      onRemove={present && !readOnly ? onRemove : undefined}
    >
      {children}
    </Field>
  );
}

/**
 * Suggestions offered at once. The browser lists only those that contain what is typed; a large file
 * defines thousands of commands, and a datalist of them all would be thousands of elements.
 */
export const SUGGESTIONS_SHOWN = 50;

/** The suggestions that contain the typed text (any case), the first `SUGGESTIONS_SHOWN` of them. */
export function suggestionsFor(suggestions: readonly string[], typed: string): string[] {
  const wanted = typed.toLowerCase();
  const shown: string[] = [];
  for (const s of suggestions) {
    if (shown.length === SUGGESTIONS_SHOWN) break;
    if (s.toLowerCase().includes(wanted)) shown.push(s);
  }
  return shown;
}

export function TextControl(
  props: ControlProps & { suggestions?: readonly string[]; inputMode?: 'numeric' | 'text' },
) {
  const { blockForm, id, element, present, problems, readOnly, suggestions, inputMode } = props;
  const { form, commit } = blockForm;
  const value = form.watch(element) ?? '';
  const shown = allProblems(blockForm, element, problems);
  const listId = suggestions ? `${id}-suggestions` : undefined;
  return (
    <ControlField {...props} value={value} shown={shown}>
      <input
        id={id}
        className={inputClass}
        readOnly={readOnly}
        autoComplete="off"
        spellCheck={false}
        inputMode={inputMode}
        placeholder={present ? undefined : 'not set'}
        list={listId}
        aria-invalid={shown.some((p) => p.severity === 'error') || undefined}
        aria-describedby={fieldDescribedBy(id, shown.length)}
        {...form.register(element, { onChange: (event) => commit(element, event.target.value) })}
      />
      {hasHiddenCharacters(value) && (
        <p className="text-xs text-amber-900 dark:text-amber-200" data-testid={`${id}-revealed`}>
          Holds characters that do not show: <VisibleText text={value} className="font-mono" />
        </p>
      )}
      {suggestions && (
        <datalist id={listId}>
          {suggestionsFor(suggestions, value).map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </ControlField>
  );
}

/** Chosen when the user picks "not set": removes the element rather than writing an empty one. */
export const NOT_SET = '\u0000not-set';

export function SelectControl(
  props: ControlProps & { options: ReadonlyArray<{ value: string; label: string }> },
) {
  const { blockForm, id, element, present, problems, readOnly, onRemove, options } = props;
  const { form, change } = blockForm;
  const value = form.watch(element) ?? '';
  const shown = allProblems(blockForm, element, problems);
  const known = options.some((o) => o.value === value);
  return (
    <ControlField {...props} value={value} shown={shown}>
      <select
        id={id}
        className={inputClass}
        disabled={readOnly}
        value={present ? value : NOT_SET}
        aria-invalid={shown.some((p) => p.severity === 'error') || undefined}
        aria-describedby={fieldDescribedBy(id, shown.length)}
        onChange={(event) => {
          if (event.target.value === NOT_SET) onRemove();
          else change(element, event.target.value);
        }}
      >
        <option value={NOT_SET}>not set</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {present && !known && (
          <option value={value}>{`${value === '' ? '(empty)' : revealHidden(value)} — as written`}</option>
        )}
      </select>
    </ControlField>
  );
}
