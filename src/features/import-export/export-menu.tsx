import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { downloadBytes } from '../../components/download';
import { focusRing } from '../../components/focus-ring';
import { Icon, type IconName } from '../../components/icon';
import { useMenu } from '../../components/use-menu';
import { type ConfigDocument, encodeText } from '../../core';
import { fragmentText, unencodable, wholeFileText } from './export-text';

export interface ExportMenuProps {
  doc: ConfigDocument;
  /** Tells the page what happened (downloaded, copied, or why not). */
  onStatus: (message: string) => void;
  /** Opens the share dialog, which puts the draft in a link. */
  onShare: () => void;
}

export function ExportMenu({ doc, onStatus, onShare }: ExportMenuProps) {
  const { open, setOpen, root } = useMenu<HTMLDivElement>();

  const run = (action: () => void | Promise<void>) => {
    setOpen(false);
    void action();
  };

  // Counted only while the menu is open: the header re-renders on every keystroke.
  const lost = open ? unencodable(doc.text, doc.encoding) : 0;
  const caveat = lost > 0 ? ` ${lost} character${lost === 1 ? '' : 's'} Latin-1 cannot hold became ?.` : '';

  const items: Array<{ icon: IconName; label: string; hint: string; action: () => void | Promise<void> }> = [
    {
      icon: 'download',
      label: 'Download ossec.conf',
      hint:
        doc.shape === 'fragment' ? 'The blocks inside an <ossec_config> root' : 'The whole file, as edited',
      action: () => {
        downloadBytes(encodeText(wholeFileText(doc), doc.encoding), 'ossec.conf');
        onStatus(`Downloaded ossec.conf.${caveat}`);
      },
    },
    {
      icon: 'file',
      label: 'Download fragment',
      hint: 'Only the <command> and <active-response> blocks',
      action: () => {
        downloadBytes(encodeText(fragmentText(doc), doc.encoding), 'active-response.xml');
        onStatus(`Downloaded the fragment.${caveat}`);
      },
    },
    {
      icon: 'clipboard',
      label: 'Copy XML',
      hint: 'The document text, to the clipboard',
      action: async () => {
        try {
          await navigator.clipboard.writeText(doc.text);
          onStatus('Copied the XML to the clipboard.');
        } catch {
          onStatus('The browser refused clipboard access; select the XML view and copy from there.');
        }
      },
    },
    {
      icon: 'link',
      label: 'Share as a link',
      hint: 'The draft inside the link; nothing is uploaded',
      action: onShare,
    },
  ];

  return (
    <div ref={root} className="relative">
      <Button
        icon={<Icon name="download" className="size-3.5" />}
        aria-expanded={open}
        aria-controls="export-menu"
        onClick={() => setOpen((v) => !v)}
      >
        Export
        <Icon name="chevron" className="size-3.5" />
      </Button>
      {open && (
        <ul
          id="export-menu"
          className="absolute right-0 z-30 mt-1 w-72 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {lost > 0 && (
            <li className="px-2 py-1.5 text-xs text-amber-800 dark:text-amber-300">
              This file is Latin-1: {lost} character{lost === 1 ? '' : 's'} it cannot hold will be written as
              ?.
            </li>
          )}
          {items.map((item) => (
            <li key={item.label}>
              <button
                type="button"
                onClick={() => run(item.action)}
                className={cx(
                  'flex w-full items-start gap-2 rounded px-2 py-1.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800',
                  focusRing,
                )}
              >
                <Icon name={item.icon} className="mt-0.5 size-3.5 text-zinc-600 dark:text-zinc-400" />
                <span>
                  <span className="block text-[13px] font-medium">{item.label}</span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">{item.hint}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
