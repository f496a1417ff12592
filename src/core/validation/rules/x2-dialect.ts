import type { BlockChild, Diagnostic } from '../../model/types';
import { describeCharacter, revealHidden, textPieces } from '../../text/invisible-characters';
import { diagnostic, type Rule, type RuleContext } from '../rule';

const ENTITY = /&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find what is not ASCII
const NON_ASCII = /[^\x00-\x7F]/;

/** The first character that does not show, other than the tab and line breaks a value may hold. */
function firstHidden(text: string): number | undefined {
  for (const piece of textPieces(text)) {
    if (piece.kind === 'hidden' && ![0x09, 0x0a, 0x0d].includes(piece.codePoint)) return piece.codePoint;
  }
  return undefined;
}

/**
 * Whether the text holds only printable ASCII, tabs and line breaks: nothing X2 speaks of but entities.
 * Almost every name and value does, and one pass over its characters is far cheaper than cutting it into
 * pieces by a Unicode property expression.
 */
function plainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 || code > 0x7e) && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return true;
}

function hiddenIn(child: BlockChild, codePoint: number): 'name' | 'value' {
  return child.name.includes(String.fromCodePoint(codePoint)) ? 'name' : 'value';
}

/**
 * X2: what the daemon's XML dialect reads differently from XML (reference §1.4, §13): CDATA and DOCTYPE
 * (from the reader), entities that are never decoded, and non-ASCII characters in a block's element
 * names or values (a U+2010 hyphen looks like `-` but never matches it), and characters that do not show at
 * all (controls, bidi overrides, zero-width characters) in them.
 */
export const x2Dialect: Rule = {
  code: 'X2',
  scope: 'block',
  checkDocument(ctx: RuleContext): Diagnostic[] {
    return ctx.doc.problems.filter((p) => p.code === 'X2');
  },
  check(ctx: RuleContext): Diagnostic[] {
    const found: Diagnostic[] = [];
    for (const block of ctx.everyBlock) {
      for (const child of block.children) {
        const entity = child.value.includes('&') ? ENTITY.exec(child.value)?.[0] : undefined;
        if (entity) {
          found.push(
            diagnostic(ctx, 'X2', {
              severity: 'warning',
              message: `<${child.name}> holds \`${entity}\`: the daemon never decodes entities, so it reads those characters literally.`,
              block,
              child,
            }),
          );
        }
        if (plainAscii(child.name) && plainAscii(child.value)) continue;
        // The message spells hidden characters out rather than quoting them: quoted, a bidi override would
        // turn the warning meant to reveal it around.
        const name = revealHidden(child.name);
        const hidden = firstHidden(child.name + child.value);
        const odd = hidden === undefined ? NON_ASCII.exec(child.name + child.value)?.[0] : undefined;
        if (hidden !== undefined || odd !== undefined) {
          found.push(
            diagnostic(ctx, 'X2', {
              severity: 'warning',
              message:
                hidden !== undefined
                  ? `<${name}> holds the hidden character ${describeCharacter(hidden)}: it does not show, so the ${hiddenIn(child, hidden)} does not read as it looks, and a look-alike never matches.`
                  : `<${name}> contains the non-ASCII character '${odd}' (${describeCharacter(odd?.codePointAt(0) ?? 0)}): names and values are compared byte for byte, so a look-alike never matches.`,
              block,
              child,
            }),
          );
        }
      }
    }
    return found;
  },
};
