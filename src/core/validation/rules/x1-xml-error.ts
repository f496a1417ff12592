import { explainXmlError } from '../../model/read';
import type { ConfigDocument, Diagnostic, Fix, XmlReadError } from '../../model/types';
import { xmlReadError } from '../../targets/messages';
import { readOsXml, UNLIMITED_NESTING, WAZUH_DIALECT, type XmlDialect } from '../../xml/os-xml';
import { daemonLineAt } from '../../xml/positions';
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
 * The document was read as Wazuh 4.14.7 reads it. Another release's reader can stop elsewhere: a shorter
 * `XML_MAXSIZE`, backslash runs that keep escaping, no attribute limit, another nesting message.
 */
function readsDifferently(doc: ConfigDocument, own: XmlDialect): boolean {
  return (
    (own.maxText < WAZUH_DIALECT.maxText && doc.text.length > own.maxText) ||
    (own.backslashRuns !== WAZUH_DIALECT.backslashRuns && doc.text.includes('\\')) ||
    (doc.xmlError !== null &&
      (own.maxAttributeDepth !== WAZUH_DIALECT.maxAttributeDepth ||
        own.recursionMessage !== WAZUH_DIALECT.recursionMessage))
  );
}

function sameError(a: XmlReadError | null, b: XmlReadError | null): boolean {
  return a?.message === b?.message && a?.offset === b?.offset;
}

/**
 * X1: the file is not well-formed for the target's OS_XML, so the daemon (analysisd on a manager, execd on
 * an agent) exits with (1226). The reader found the error as Wazuh 4.14.7 reads; this rule reads again
 * with the target's own reader where it differs, and words the error for the target.
 */
export const x1XmlError: Rule = {
  code: 'X1',
  scope: 'document',
  check(ctx: RuleContext): Diagnostic[] {
    const { doc, target } = ctx;
    const own = target.xml;
    const reread = readsDifferently(doc, own);
    const error = reread ? readOsXml(doc.text, own).error : doc.xmlError;
    if (!error) return [];
    const line = daemonLineAt(doc.text, error.offset);
    const byBackslashes =
      reread &&
      own.backslashRuns === 'sticky' &&
      doc.text.includes('\\') &&
      !sameError(error, readOsXml(doc.text, { ...own, backslashRuns: 'toggle' }).error);
    const message = byBackslashes
      ? `${target.label} reads a backslash run before '<' as escaping it, so this closing tag is text and the daemon refuses the file (${error.message}).`
      : explainXmlError(doc.text, error.message, error.offset, { label: target.label, maxText: own.maxText });
    return [
      diagnostic(ctx, 'X1', {
        severity: 'error',
        message,
        // A release without a nesting limit crashes on its stack: it prints nothing.
        daemonMessage:
          error.message === UNLIMITED_NESTING
            ? undefined
            : xmlReadError(target, readerOf(ctx), error.message, line),
        offset: error.offset,
        endOffset: error.endOffset,
        fix: target.xmlDeclarationRefused ? declarationFix(doc.text, error.offset) : undefined,
      }),
    ];
  },
};
