import type { Diagnostic, Fix } from '../../model/types';
import { xmlReadError } from '../../targets/messages';
import { DEFAULT_MAX_TEXT, readOsXml } from '../../xml/os-xml';
import { positionAt } from '../../xml/positions';
import { diagnostic, type Rule, type RuleContext, readerOf } from '../rule';

/**
 * `<?xml …?>` around the error offset: the daemon's reader refuses it (reference §13); delete it with the
 * blanks and line break after it. Found with plain searches, each starting past the last (a lazy regular
 * expression took quadratic time on many `<?xml` that no `?>` closes).
 */
function declarationFix(text: string, offset: number): Fix | undefined {
  for (let start = text.indexOf('<?xml'); start !== -1 && start <= offset; ) {
    const close = text.indexOf('?>', start + 5);
    if (close === -1) return undefined;
    let end = close + 2;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (text.startsWith('\r\n', end)) end += 2;
    else if (text[end] === '\n') end++;
    if (offset <= end) {
      return { title: 'Remove the XML declaration', ops: [{ op: 'replaceText', start, end, text: '' }] };
    }
    start = text.indexOf('<?xml', end);
  }
  return undefined;
}

/**
 * X1: the file is not well-formed for OS_XML, so the daemon (analysisd on a manager, execd on an agent)
 * exits with (1226). The reader found the error; this rule words it for the target and adds what OSSEC's
 * reader refuses beyond Wazuh's: values over 8192 bytes (Wazuh reads 20480) and a value ending in a run
 * of backslashes, which escapes the closing tag.
 */
export const x1XmlError: Rule = {
  code: 'X1',
  check(ctx: RuleContext): Diagnostic[] {
    const { doc, target } = ctx;
    let error = doc.xmlError;
    // The document was read as Wazuh reads it; OSSEC's shorter limit and backslash runs can stop earlier.
    const differs =
      (target.xmlMaxText < DEFAULT_MAX_TEXT && doc.text.length > target.xmlMaxText) ||
      (target.xmlBackslashRuns === 'sticky' && doc.text.includes('\\'));
    if (!error && differs) error = readOsXml(doc.text, target.xmlMaxText, target.xmlBackslashRuns).error;
    if (!error) return [];
    const line = positionAt(doc.text, error.offset).line;
    const fromReader = doc.problems.find((p) => p.code === 'X1');
    const message =
      fromReader && doc.xmlError === error
        ? fromReader.message
        : error.message === 'XMLERR: String overflow.'
          ? `A value is longer than ${target.label} reads in one element (${target.xmlMaxText} bytes): the daemon refuses the file.`
          : `${target.label} reads a backslash run before '<' as escaping it, so this closing tag is text and the daemon refuses the file (${error.message}).`;
    return [
      diagnostic(ctx, 'X1', {
        severity: 'error',
        message,
        daemonMessage: xmlReadError(target, readerOf(ctx), error.message, line),
        offset: error.offset,
        endOffset: error.endOffset,
        fix: target.xmlDeclarationRefused ? declarationFix(doc.text, error.offset) : undefined,
      }),
    ];
  },
};
