import { useId, useMemo, useState } from 'react';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Dialog } from '../../components/dialog';
import { inputClass } from '../../components/field';
import { ALERT_FIELD_LABELS, type AlertField, type ParsedAlert, parseAlert } from '../../core';

const SHOWN: AlertField[] = ['ruleId', 'level', 'groups', 'agent', 'srcip', 'user', 'filename'];

/** Paste one real alert; what it fills is shown before it replaces the fields. */
export function PasteAlertDialog({
  onClose,
  onUse,
}: {
  onClose: () => void;
  onUse: (parsed: Extract<ParsedAlert, { ok: true }>) => void;
}) {
  const [text, setText] = useState('');
  const parsed = useMemo(() => (text.trim() === '' ? null : parseAlert(text)), [text]);
  const textId = useId();
  const readId = useId();
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title="Paste an alert"
      description="One line of alerts.json (Wazuh 4.x, or OSSEC's JSON output), or one alerts.log entry starting with ** Alert. It fills the simulator's fields; nothing leaves the page."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!parsed?.ok}
            onClick={() => {
              if (parsed?.ok) onUse(parsed);
            }}
          >
            Use this alert
          </Button>
        </>
      }
    >
      <div className="grid gap-3">
        <div className="grid gap-1">
          <label htmlFor={textId} className="text-[13px] font-medium">
            Alert text
          </label>
          <textarea
            id={textId}
            className={cx(inputClass, 'h-40 resize-y py-1.5 text-xs leading-snug whitespace-pre')}
            spellCheck={false}
            autoComplete="off"
            placeholder={
              '{"timestamp":"…","rule":{"level":10,…,"id":"5712",…},"agent":{"id":"001",…},…}\nor\n** Alert 1715682093.48213: mail  - syslog,sshd,authentication_failures,\n2024 May 14 10:21:33 (web01) 10.0.0.21->/var/log/auth.log\nRule: 5712 (level 10) -> …'
            }
            value={text}
            aria-describedby={readId}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div id={readId} aria-live="polite" className="text-[13px]" data-testid="paste-read">
          {parsed === null && <p className="text-zinc-600 dark:text-zinc-400">Nothing pasted yet.</p>}
          {parsed && !parsed.ok && <p className="text-red-700 dark:text-red-400">{parsed.message}</p>}
          {parsed?.ok && (
            <div className="grid gap-2">
              <p className="font-medium">Read as {parsed.format}:</p>
              <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
                {SHOWN.map((field) => (
                  <div key={field} className="contents">
                    <dt className="text-zinc-600 dark:text-zinc-400">{ALERT_FIELD_LABELS[field]}</dt>
                    <dd className="font-mono break-all">{parsed.input[field] || '—'}</dd>
                  </div>
                ))}
              </dl>
              {parsed.notes.map((note) => (
                <p key={note} className="text-xs text-zinc-600 dark:text-zinc-400">
                  {note}
                </p>
              ))}
            </div>
          )}
        </div>
      </div>
    </Dialog>
  );
}
