import { useCallback } from 'react';
import { type ConfigDocument, type RoleOption, type TargetProfile, validate } from '../../core';
import { ImportDialog, type ImportDialogProps } from './import-dialog';
import { SNIPPET_ADVICE } from './read-import';

export interface ImportDialogPartProps extends Omit<ImportDialogProps, 'diagnose'> {
  target: TargetProfile;
  role: RoleOption;
}

/**
 * The import dialog with the checks that list a candidate's problems: they load with the dialog, so the
 * page's first load leaves the checks to the worker that checks the document.
 */
export function ImportDialogPart({ target, role, ...props }: ImportDialogPartProps) {
  const diagnose = useCallback(
    (doc: ConfigDocument) => validate(doc, { target, role, snippetAdvice: SNIPPET_ADVICE }),
    [target, role],
  );
  return <ImportDialog {...props} diagnose={diagnose} />;
}
