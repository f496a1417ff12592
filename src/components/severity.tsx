import type { Severity } from '../core';
import { cx } from './cx';
import { Icon } from './icon';

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const severityStyle: Record<Severity, string> = {
  error: 'text-red-600 dark:text-red-400',
  warning: 'text-amber-700 dark:text-amber-400',
  info: 'text-blue-600 dark:text-blue-400',
};

const severityWord: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function SeverityIcon({ severity, className }: { severity: Severity; className?: string }) {
  return (
    <span className={cx('inline-flex', severityStyle[severity], className)} title={severityWord[severity]}>
      <Icon name={severity} />
      <span className="sr-only">{severityWord[severity]}:</span>
    </span>
  );
}

export function severityTextClass(severity: Severity): string {
  return severityStyle[severity];
}
