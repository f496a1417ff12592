import { cx } from '../../components/cx';
import { focusRing } from '../../components/focus-ring';
import { ALERT_FIELD_LABELS, type AlertField, type AlertProblem } from '../../core';
import { SmallField, smallInputClass } from './small-field';
import type { SimulatorState } from './use-simulator';

interface FieldSpec {
  field: AlertField;
  placeholder?: string;
  numeric?: boolean;
  /** Grid columns it spans, of four. */
  span?: 2 | 4;
}

/** Rule, level and agent first (what decides most), then the fields active response passes on. */
const FIELDS: FieldSpec[] = [
  { field: 'ruleId', numeric: true },
  { field: 'level', numeric: true },
  { field: 'agent', placeholder: '000 manager' },
  { field: 'srcip', placeholder: 'none' },
  { field: 'groups', span: 4, placeholder: 'syslog,sshd,authentication_failures,' },
  { field: 'user', span: 2, placeholder: 'none' },
  { field: 'filename', span: 2, placeholder: 'none' },
];

const problemTone: Record<AlertProblem['severity'], string> = {
  error: 'text-red-700 dark:text-red-400',
  warning: 'text-amber-800 dark:text-amber-300',
};

const problemId = (idPrefix: string, field: AlertField) => `${idPrefix}-${field}-problem`;

/** The alert's fields; a wrong one is marked and named in the list below them. */
export function AlertForm({ state, idPrefix }: { state: SimulatorState; idPrefix: string }) {
  return (
    <fieldset className="grid gap-1.5">
      <legend className="sr-only">Alert</legend>
      <div className="grid grid-cols-[5rem_3.75rem_6rem_minmax(0,1fr)] gap-x-2 gap-y-1.5">
        {FIELDS.map((spec) => (
          <AlertInputField
            key={spec.field}
            spec={spec}
            id={`${idPrefix}-${spec.field}`}
            problemId={problemId(idPrefix, spec.field)}
            value={state.input[spec.field]}
            problem={state.problems.find((p) => p.field === spec.field)}
            onChange={(value) => state.setField(spec.field, value)}
          />
        ))}
        <label className="col-span-4 flex items-center gap-2 text-xs text-zinc-800 dark:text-zinc-200">
          <input
            type="checkbox"
            className={cx('size-3.5 accent-blue-600', focusRing)}
            checked={state.input.noAr}
            onChange={(event) => state.setNoAr(event.target.checked)}
          />
          <span>
            Rule has <code className="font-mono">no_ar</code>
            <span className="text-zinc-600 dark:text-zinc-400">
              {' '}
              (in the rule's &lt;options&gt;, which this file does not hold)
            </span>
          </span>
        </label>
      </div>
      {state.problems.length > 0 && (
        <ul className="grid gap-0.5" aria-label="Problems with the alert">
          {state.problems.map((problem) => (
            <li
              key={problem.field}
              id={problemId(idPrefix, problem.field)}
              className={cx('text-xs leading-snug', problemTone[problem.severity])}
            >
              <span className="font-medium">
                {problem.severity === 'error' ? 'Error' : 'Warning'} · {ALERT_FIELD_LABELS[problem.field]}:
              </span>{' '}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function AlertInputField({
  spec,
  id,
  problemId,
  value,
  problem,
  onChange,
}: {
  spec: FieldSpec;
  id: string;
  problemId: string;
  value: string;
  problem?: AlertProblem;
  onChange: (value: string) => void;
}) {
  const label = ALERT_FIELD_LABELS[spec.field];
  return (
    <SmallField
      id={id}
      className={cx(spec.span === 2 && 'col-span-2', spec.span === 4 && 'col-span-4')}
      label={
        <>
          <span className="sr-only">Alert </span>
          {label}
        </>
      }
    >
      <input
        id={id}
        className={cx(
          smallInputClass,
          problem?.severity === 'warning' && 'border-amber-500 dark:border-amber-500',
        )}
        value={value}
        inputMode={spec.numeric ? 'numeric' : undefined}
        placeholder={spec.placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem?.severity === 'error' ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </SmallField>
  );
}
