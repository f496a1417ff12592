import type { Diagnostic } from '../../model/types';
import { diagnostic, type Rule, type RuleContext } from '../rule';

const ENTITY = /&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find what is not ASCII
const NON_ASCII = /[^\x00-\x7F]/;

/**
 * X2: what the daemon's XML dialect reads differently from XML (reference §1.4, §13): CDATA and DOCTYPE
 * (from the reader), entities that are never decoded, and non-ASCII characters in a block's element
 * names or values (a U+2010 hyphen looks like `-` but never matches it).
 */
export const x2Dialect: Rule = {
  code: 'X2',
  check(ctx: RuleContext): Diagnostic[] {
    const found = ctx.doc.problems.filter((p) => p.code === 'X2');
    for (const block of ctx.doc.blocks) {
      for (const child of block.children) {
        const entity = ENTITY.exec(child.value)?.[0];
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
        const odd = NON_ASCII.exec(child.name + child.value)?.[0];
        if (odd) {
          const code = odd.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
          found.push(
            diagnostic(ctx, 'X2', {
              severity: 'warning',
              message: `<${child.name}> contains the non-ASCII character '${odd}' (U+${code}): names and values are compared byte for byte, so a look-alike never matches.`,
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
