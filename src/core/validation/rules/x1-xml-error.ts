import type { Diagnostic, Fix } from '../../model/types';
import { xmlReadError } from '../../targets/messages';
import { DEFAULT_MAX_TEXT, readOsXml } from '../../xml/os-xml';
import { daemonLineAt } from '../../xml/positions';
import { diagnostic, type Rule, type RuleContext, readerOf } from '../rule';

const DECLARATION = /<\?xml[\s\S]*?\?>[ \t]*(?:\r?\n)?/g;

/** `<?xml …?>` around the error offset: the daemon's reader refuses it (reference §13); delete it. */
function declarationFix(text: string, offset: number): Fix | undefined {
  for (const match of text.matchAll(DECLARATION)) {
    const start = match.index;
    const end = start + match[0].length;
    if (offset >= start && offset <= end) {
      return { title: 'Remove the XML declaration', ops: [{ op: 'replaceText', start, end, text: '' }] };
    }
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
    const line = daemonLineAt(doc.text, error.offset);
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
