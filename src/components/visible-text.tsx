import { describeCharacter, textPieces } from '../core';
import { cx } from './cx';

/**
 * Text that comes from a file (a name, a value, a message quoting one), shown with every character that
 * does not show spelt out as a marked `⟨U+202E⟩`, and isolated left to right from the text around it, so
 * `deny\u202Egnp.exe` cannot pass for "denyexe.png" and no value can reorder the sentence it sits in.
 */
export function VisibleText({ text, className }: { text: string; className?: string }) {
  let offset = 0;
  return (
    <bdi dir="ltr" className={className}>
      {textPieces(text).map((piece) => {
        const key = offset;
        offset += piece.kind === 'text' ? piece.text.length : String.fromCodePoint(piece.codePoint).length;
        return piece.kind === 'text' ? (
          piece.text
        ) : (
          <span
            key={key}
            title={describeCharacter(piece.codePoint)}
            data-hidden-character={piece.label}
            className={cx(
              'mx-px rounded-sm px-0.5 font-mono text-[0.85em] font-normal whitespace-nowrap ring-1 ring-inset',
              'bg-amber-100 text-amber-950 ring-amber-400',
              'dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700',
            )}
          >
            {piece.label}
          </span>
        );
      })}
    </bdi>
  );
}
