import { useMemo } from 'react';
import {
  type ConfigDocument,
  DEFAULT_TARGET,
  type Migration,
  migrate,
  parseTarget,
  type RoleOption,
  type TargetProfile,
} from '../../core';

export interface MigrationState {
  /** The version the file is read as: the selected target, or Wazuh 4.14 when 5.0 itself is selected. */
  from: TargetProfile;
  migration: Migration;
}

/** The migration of the current document, computed only while the view is open. */
export function useMigration(doc: ConfigDocument, target: TargetProfile, role: RoleOption): MigrationState {
  const from = target.responsesFrom === 'indexer' ? parseTarget(DEFAULT_TARGET) : target;
  return useMemo(() => ({ from, migration: migrate(doc, { from, role }) }), [doc, from, role]);
}
