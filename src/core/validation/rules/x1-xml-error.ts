import type { Diagnostic, Fix } from '../../model/types';
import { xmlReadError } from '../../targets/messages';
import { readOsXml } from '../../xml/os-xml';
import { positionAt } from '../../xml/positions';
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
 * exits with (1226). The reader found the error; this rule words it for the target and adds OSSEC's
 * shorter value limit (8192 bytes, where Wazuh reads 20480).
 */
export const x1XmlError: Rule = {
  code: 'X1',
  check(ctx: RuleContext): Diagnostic[] {
    const { doc, target } = ctx;
    let error = doc.xmlError;
    if (!error && target.xmlMaxText < 20480 && doc.text.length > target.xmlMaxText) {
      error = readOsXml(doc.text, target.xmlMaxText).error;
    }
    if (!error) return [];
    const line = positionAt(doc.text, error.offset).line;
    const fromReader = doc.problems.find((p) => p.code === 'X1');
    const message =
      fromReader && doc.xmlError === error
        ? fromReader.message
        : `A value is longer than ${target.label} reads in one element (${target.xmlMaxText} bytes): the daemon refuses the file.`;
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
