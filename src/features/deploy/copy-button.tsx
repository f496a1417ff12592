import { useEffect, useState } from 'react';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';

export interface CopyButtonProps {
  text: string;
  /** What is copied, for the status line ("Copied the command."). */
  what: string;
  /** The element whose text is copied, read with the button by screen readers. */
  describedBy?: string;
  disabled?: boolean;
  title?: string;
  onStatus: (message: string) => void;
}

/** Copies `text` as it is shown; says "Copied" on the button for a moment and in the status line. */
export function CopyButton({ text, what, describedBy, disabled, title, onStatus }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-describedby={describedBy}
      disabled={disabled}
      title={title}
      icon={<Icon name={copied ? 'check' : 'copy'} className="size-3.5" />}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          onStatus(`Copied ${what}.`);
        } catch {
          onStatus(`The browser refused clipboard access; select ${what} and copy it by hand.`);
        }
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}
