import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef } from 'react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { type TextEncoding, valueProblem } from '../core';

/** What the document says for each element: a value, or undefined when the element is absent. */
export type DocumentValues = Record<string, string | undefined>;
export type FormValues = Record<string, string>;

/**
 * The only single-field check the form enforces: what the daemon's XML dialect and the file's encoding
 * can carry, in the words the document API refuses it with.
 */
export function writableValue(encoding: TextEncoding) {
  return z.string().check(
    z.superRefine((value, ctx) => {
      const problem = valueProblem(value, encoding);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );
}

export interface BlockForm {
  form: UseFormReturn<FormValues>;
  /** Sets a value from a control react-hook-form does not own (select, chips), then commits it. */
  change: (element: string, value: string) => void;
  /** Writes a value to the document when the dialect can carry it; otherwise the form shows why not. */
  commit: (element: string, value: string) => void;
}

/**
 * The one wrapper every block form goes through. react-hook-form holds what the user is typing; a value
 * reaches the document (through `onSet`) only once it passes the field's check. When the document
 * changes underneath (XML view, undo, a fix), only the fields whose document value changed are reset,
 * so a refused value the user is still correcting is not thrown away by an unrelated edit.
 */
export function useBlockForm(
  elements: readonly string[],
  values: DocumentValues,
  onSet: (element: string, value: string) => void,
  encoding: TextEncoding = 'utf-8',
): BlockForm {
  const writable = useMemo(() => writableValue(encoding), [encoding]);
  const schema = useMemo(
    () => z.object(Object.fromEntries(elements.map((e) => [e, writable]))),
    [elements, writable],
  );
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onChange',
    defaultValues: toFormValues(elements, values),
  });
  const seen = useRef<DocumentValues>(values);

  useEffect(() => {
    const before = seen.current;
    seen.current = values;
    for (const element of elements) {
      if (values[element] !== before[element] && form.getValues(element) !== (values[element] ?? '')) {
        form.setValue(element, values[element] ?? '', { shouldValidate: true, shouldDirty: false });
      }
    }
  });

  const commit = (element: string, value: string) => {
    if (writable.safeParse(value).success) onSet(element, value);
  };

  const change = (element: string, value: string) => {
    form.setValue(element, value, { shouldValidate: true });
    commit(element, value);
  };

  return { form, change, commit };
}

function toFormValues(elements: readonly string[], values: DocumentValues): FormValues {
  return Object.fromEntries(elements.map((e) => [e, values[e] ?? '']));
}
