import { useState } from 'react';
import { Button } from './button';
import { Icon } from './icon';

/** Copies `text` to the clipboard and says so on the button itself for a moment. */
export function CopyButton({
  text,
  label,
  what,
  onStatus,
}: {
  text: string;
  /** The visible label. */
  label: string;
  /** What is copied, for screen readers and the status line ("the definition of firewall-drop-local"). */
  what: string;
  onStatus: (message: string) => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      icon={<Icon name={copied ? 'check' : 'clipboard'} className="size-3.5" />}
      aria-label={`Copy ${what}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
          onStatus(`Copied ${what}.`);
        } catch {
          onStatus('The browser refused clipboard access; select the text and copy it instead.');
        }
      }}
    >
      {copied ? 'Copied' : label}
    </Button>
  );
}
