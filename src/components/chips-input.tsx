import { type KeyboardEvent, useState } from 'react';
import { revealHidden } from '../core';
import { cx } from './cx';
import { inputClass } from './field';
import { Icon } from './icon';
import { VisibleText } from './visible-text';

export interface ChipsInputProps {
  id: string;
  /** The whole value as written; chips are its pieces between separators. */
  value: string;
  separator: string;
  onChange: (value: string) => void;
  describedBy?: string;
  invalid?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  /** Marks a chip that holds something suspicious (a comma in a group list, say). */
  flag?: (chip: string) => string | null;
}

/**
 * Edits a separated list as chips. Splitting on the separator and joining with it again gives back the
 * value unchanged, so the chips never rewrite what the file says; empty pieces stay visible as such.
 */
export function ChipsInput({
  id,
  value,
  separator,
  onChange,
  describedBy,
  invalid,
  readOnly,
  placeholder,
  flag,
}: ChipsInputProps) {
  const [draft, setDraft] = useState('');
  const chips = value === '' ? [] : value.split(separator);
  // A chip is a position in the list: the same text may appear twice.
  const items = chips.map((text, position) => ({ text, position }));

  const commit = () => {
    if (draft === '') return;
    onChange([...chips, draft].join(separator));
    setDraft('');
  };

  const remove = (index: number) => {
    onChange(chips.filter((_, i) => i !== index).join(separator));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === separator) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && chips.length > 0) {
      event.preventDefault();
      remove(chips.length - 1);
    }
  };

  return (
    <div className="grid gap-1.5">
      {chips.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="Values">
          {items.map(({ text: chip, position }) => {
            const problem = flag?.(chip) ?? null;
            return (
              <li key={position}>
                <span
                  title={problem ?? undefined}
                  className={cx(
                    'inline-flex h-6 max-w-full items-center gap-1 rounded border pr-0.5 pl-1.5 font-mono text-xs',
                    problem
                      ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200'
                      : 'border-zinc-300 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200',
                  )}
                >
                  {chip === '' ? (
                    <span className="truncate">(empty)</span>
                  ) : (
                    <VisibleText text={chip} className="truncate" />
                  )}
                  {!readOnly && (
                    <button
                      type="button"
                      aria-label={`Remove ${chip === '' ? 'the empty value' : revealHidden(chip)}`}
                      onClick={() => remove(position)}
                      className="inline-flex size-5 items-center justify-center rounded hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-700 dark:focus-visible:outline-blue-400"
                    >
                      <Icon name="x" className="size-3" />
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <input
          id={id}
          className={inputClass}
          value={draft}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {readOnly && (
        <input id={id} className={inputClass} value={value} readOnly aria-describedby={describedBy} />
      )}
    </div>
  );
}
