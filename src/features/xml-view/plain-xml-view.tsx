import { useMemo } from 'react';

/** Lines the plain view shows: enough to fill any screen; the editor shows the rest once it is ready. */
export const PLAIN_LINES = 1_000;

/**
 * The XML as plain read-only text with line numbers, shown while the editor (CodeMirror, loaded beside
 * the page) arrives. It takes the editor's place, fonts, sizes and colours, so nothing moves when the
 * editor replaces it.
 */
export function PlainXmlView({ text }: { text: string }) {
  const { lines, more } = useMemo(() => {
    const split = text.split(/\r\n|\r|\n/, PLAIN_LINES + 1);
    return { lines: split.slice(0, PLAIN_LINES), more: split.length > PLAIN_LINES };
  }, [text]);
  const numbers = useMemo(() => lines.map((_, i) => i + 1).join('\n'), [lines]);
  return (
    // The same role and name as the editor's text, read-only; it scrolls, so the keyboard can reach it.
    // biome-ignore lint/a11y/useSemanticElements: a textarea cannot show the line numbers beside the text
    <div
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-label="XML of the document (read-only while the editor loads)"
      tabIndex={0}
      data-testid="plain-xml-view"
      className="flex h-full min-h-0 overflow-auto bg-white outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400 font-[ui-monospace,'JetBrains_Mono','SFMono-Regular',Menlo,Consolas,'Liberation_Mono',monospace] text-[12.5px] leading-[1.4] text-zinc-900 dark:bg-[#09090b] dark:text-zinc-100"
    >
      <div
        aria-hidden="true"
        className="sticky left-0 flex shrink-0 self-stretch border-r border-[#e4e4e7] bg-[#fafafa] text-[#52525b] dark:border-[#27272a] dark:bg-[#09090b] dark:text-[#a1a1aa]"
      >
        <span className="w-[3px]" />
        <span className="min-w-5 py-1 pr-[3px] pl-[5px] text-right whitespace-pre">{numbers}</span>
        <span className="w-[1.4em]" />
      </div>
      <pre className="m-0 min-w-0 flex-1 py-1 pr-0.5 pl-1.5 font-[inherit] whitespace-pre">
        {lines.join('\n')}
        {more && `\n… the editor shows the rest of the file once it has loaded.`}
      </pre>
    </div>
  );
}
