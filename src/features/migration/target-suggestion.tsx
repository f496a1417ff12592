import { useState } from 'react';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { type ConfigDocument, type RoleOption, suggestTarget, type TargetProfile } from '../../core';

export interface TargetSuggestionProps {
  doc: ConfigDocument;
  target: TargetProfile;
  role: RoleOption;
  onTarget: (target: string) => void;
  onMigrate: () => void;
}

/**
 * A line under the header when the file's root says it was written for another generation than the selected
 * target: a `<wazuh_config>` file checked as 4.x, or a 4.x manager file checked as 5.0. Dismissed until the
 * next file (the page keys it by the file).
 */
export function TargetSuggestion({ doc, target, role, onTarget, onMigrate }: TargetSuggestionProps) {
  const [dismissed, setDismissed] = useState(false);
  const suggestion = dismissed ? null : suggestTarget(doc, target, role);
  if (!suggestion) return null;
  return (
    <div
      role="status"
      className="flex shrink-0 items-center gap-2 border-b border-blue-200 bg-blue-50 px-3 py-1.5 text-[13px] text-blue-900 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-100"
    >
      <Icon name="info" />
      <span className="min-w-0 flex-1">{suggestion.why}</span>
      <Button size="sm" variant="primary" onClick={() => onTarget(suggestion.to)}>
        Check against {suggestion.label}
      </Button>
      {suggestion.migrate && (
        <Button size="sm" onClick={onMigrate}>
          Migrate to 5.0
        </Button>
      )}
      <Button size="sm" variant="ghost" onClick={() => setDismissed(true)}>
        Dismiss
      </Button>
    </div>
  );
}
