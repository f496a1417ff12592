/**
 * A reader that follows the daemon's own XML parser (OS_XML, `src/os_xml/os_xml.c` in OSSEC and Wazuh)
 * character by character, so that what it accepts, refuses and reads as a value is what the daemon does:
 * comments run from `<!` to the first `-->` or `!>` (so CDATA and DOCTYPE are comments too), entities are
 * never decoded, a comment inside a value is dropped and the halves joined, a backslash makes the next `<`
 * plain text, whitespace is never trimmed, and the first error stops the read.
 *
 * Unlike the daemon it keeps source offsets for every element, and after the first error it goes on in a
 * recovery mode (a mismatched closing tag closes the open elements up to the one it names) so that the
 * editor can still show the blocks of a file that the daemon would refuse.
 */

import type { XmlElement, XmlReadError } from '../model/types';

/** Wazuh's XML_MAXSIZE; OSSEC's is 8192 (`longestText` lets a target check its own limit). */
export const DEFAULT_MAX_TEXT = 20480;
/** Wazuh stops at this nesting depth ("XMLERR: Max recursion level reached"). */
const MAX_DEPTH = 1024;

const EOF = -1;
const LT = 60;
const GT = 62;
const BANG = 33;
const SLASH = 47;
const DASH = 45;
const BACKSLASH = 92;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

export interface CommentSpan {
  start: number;
  end: number;
}

export interface OsXmlResult {
  roots: XmlElement[];
  error: XmlReadError | null;
  /** Every `<!…>` the reader skipped as a comment (CDATA and DOCTYPE included). */
  comments: CommentSpan[];
  /** The longest run of text the reader collected in one buffer, and where it ended. */
  longestText: { length: number; offset: number };
}

interface MutableElement extends XmlElement {
  children: MutableElement[];
}

/** Thrown inside the reader only, to stop at an error that recovery cannot step over. */
class StopReading extends Error {}

/** Where `_ReadElem()` is within an element: before it, in its name, in its content, in its closing tag. */
const Loc = { Before: -1, Name: 0, Content: 1, Closing: 2 } as const;
type Loc = (typeof Loc)[keyof typeof Loc];

/** What a frame tells its parent when it returns. */
type FrameEnd =
  | { kind: 'closed' }
  | { kind: 'eof' }
  | { kind: 'unwind'; to: string; closeStart: number; end: number };

export function readOsXml(text: string, maxText = DEFAULT_MAX_TEXT): OsXmlResult {
  const n = text.length;
  let pos = 0;
  let error: XmlReadError | null = null;
  const comments: CommentSpan[] = [];
  const roots: MutableElement[] = [];
  const longestText = { length: 0, offset: 0 };

  const fail = (message: string, offset: number, endOffset = offset): void => {
    if (error === null) error = { message, offset, endOffset: Math.max(endOffset, offset) };
  };

  const getc = (): number => (pos < n ? text.charCodeAt(pos++) : EOF);

  /** `_oscomment()`: called with `pos` just past the `!` of `<!`. An unclosed comment stops the read. */
  const skipComment = (ltOffset: number): void => {
    pos++;
    // The C code pushes a character back twice after "--x"; this queue reproduces that.
    const queue: number[] = [];
    const next = (): number => (queue.length > 0 ? (queue.pop() as number) : getc());
    for (;;) {
      const c = next();
      if (c === EOF) {
        fail('XMLERR: Comment not closed.', ltOffset, n);
        throw new StopReading();
      }
      if (c === BANG) {
        const c2 = next();
        if (c2 === GT) break;
        if (c2 !== EOF) queue.push(c2);
      } else if (c === DASH) {
        const c2 = next();
        if (c2 === DASH) {
          const c3 = next();
          if (c3 === GT) break;
          if (c3 !== EOF) queue.push(c3, c3);
        } else if (c2 !== EOF) {
          queue.push(c2);
        }
      }
    }
    comments.push({ start: ltOffset, end: pos });
  };

  /** `_getattributes()`. Returns '/' when the tag ends in `/`, '>' when it ends in `>`. */
  const readAttributes = (element: MutableElement): '/' | '>' => {
    const seen = new Set<string>();
    let inValue = false;
    let count = 0;
    let nameStart = pos;
    let valueStart = 0;
    let quote = 0;
    let attributeName = '';
    for (;;) {
      const c = getc();
      if (c === EOF) {
        fail('XMLERR: End of file while reading an attribute.', element.start, n);
        throw new StopReading();
      }
      if (count >= maxText) {
        fail(`XMLERR: Overflow attempt at attribute '${text.slice(nameStart, nameStart + 20)}'.`, pos - 1);
        throw new StopReading();
      }
      if (c === GT || (!inValue && c === SLASH)) {
        if (inValue) {
          fail(`XMLERR: Attribute '${attributeName}' not closed.`, element.start, pos);
          return recoverTagEnd(c);
        }
        if (count > 0) {
          fail(`XMLERR: Attribute '${text.slice(nameStart, pos - 1)}' has no value.`, element.start, pos);
          return recoverTagEnd(c);
        }
        return c === SLASH ? '/' : '>';
      }
      if (!inValue && c === EQUALS) {
        attributeName = text.slice(nameStart, pos - 1);
        if (seen.has(attributeName)) {
          fail(`XMLERR: Attribute '${attributeName}' already defined.`, element.start, pos);
        }
        seen.add(attributeName);
        let q = getc();
        if (q !== DQUOTE && q !== SQUOTE) {
          while (isSpace(q)) q = getc();
          if (q !== DQUOTE && q !== SQUOTE) {
            fail(`XMLERR: Attribute '${attributeName}' not followed by a " or '.`, element.start, pos);
            if (q === EOF) throw new StopReading();
            return recoverTagEnd(q);
          }
        }
        quote = q;
        inValue = true;
        count = 0;
        valueStart = pos;
        continue;
      }
      if (!inValue && isSpace(c)) {
        if (count === 0) {
          nameStart = pos;
          continue;
        }
        fail(`XMLERR: Attribute '${text.slice(nameStart, pos - 1)}' has no value.`, element.start, pos);
        return recoverTagEnd(c);
      }
      if (inValue && c === quote) {
        const value = text.slice(valueStart, pos - 1);
        element.attributeCount++;
        const after = getc();
        if (isSpace(after)) {
          inValue = false;
          count = 0;
          nameStart = pos;
          continue;
        }
        if (after === GT) return '>';
        if (after === SLASH) return '/';
        fail(`XMLERR: Bad attribute closing for '${attributeName}'='${value}'.`, element.start, pos);
        if (after === EOF) throw new StopReading();
        return recoverTagEnd(after);
      }
      count++;
    }
  };

  /** After an attribute error: skip to the end of the tag so the rest of the file can still be shown. */
  const recoverTagEnd = (c: number): '/' | '>' => {
    let ch = c;
    let previous = 0;
    while (ch !== GT) {
      if (ch === EOF) throw new StopReading();
      previous = ch;
      ch = getc();
    }
    return previous === SLASH ? '/' : '>';
  };

  const newElement = (start: number, parent: MutableElement | null): MutableElement => {
    const element: MutableElement = {
      name: '',
      start,
      end: start,
      openEnd: start,
      closeStart: start,
      selfClosing: false,
      value: '',
      children: [],
      attributeCount: 0,
    };
    if (parent) parent.children.push(element);
    else roots.push(element);
    return element;
  };

  /**
   * `_ReadElem()`. The top frame (parent null) reads root elements one after another; a child frame
   * reads one element and returns. `ancestors` lets a mismatched closing tag unwind in recovery mode.
   */
  const readElement = (parent: MutableElement | null, depth: number, ancestors: string[]): FrameEnd => {
    if (depth > MAX_DEPTH) {
      fail('XMLERR: Max recursion level reached', pos);
      throw new StopReading();
    }
    let location: Loc = Loc.Before;
    let prevv = 1;
    let count = 0;
    let element: MutableElement | null = null;
    let parts: string[] = [];
    let runStart = 0;
    let closeStart = 0;

    const collected = (upTo: number): string => {
      parts.push(text.slice(runStart, upTo));
      const joined = parts.length === 1 ? parts[0] : parts.join('');
      parts = [];
      return joined;
    };

    for (;;) {
      const c = getc();
      if (c === EOF) break;
      if (c === BACKSLASH) prevv = -prevv;
      else if (c !== LT && prevv === -1) prevv = 1;

      if (count >= maxText) {
        fail('XMLERR: String overflow.', pos - 1);
        count = 0;
      }

      if (c === LT && pos < n && text.charCodeAt(pos) === BANG) {
        const ltOffset = pos - 1;
        if (location !== Loc.Before) parts.push(text.slice(runStart, ltOffset));
        skipComment(ltOffset);
        runStart = pos;
        continue;
      }

      if (location === Loc.Before && prevv === 1) {
        if (c !== LT) continue;
        if (pos < n && text.charCodeAt(pos) === SLASH) {
          fail('XMLERR: Element not opened.', pos - 1);
          skipStrayClosingTag();
          continue;
        }
        element = newElement(pos - 1, parent);
        location = Loc.Name;
        count = 0;
        runStart = pos;
        parts = [];
      } else if (location === Loc.Name && (c === GT || isSpace(c)) && element) {
        let name = collected(pos - 1);
        let selfClosing = false;
        if (name.length > 0 && name.charCodeAt(name.length - 1) === SLASH) {
          selfClosing = true;
          name = name.slice(0, -1);
        }
        element.name = name;
        if (isSpace(c) && readAttributes(element) === '/') selfClosing = true;
        if (selfClosing) {
          // `<a />` leaves its `>` unread: the daemon then takes it as text of the parent.
          const end = text.charCodeAt(pos - 1) === SLASH && text.charCodeAt(pos) === GT ? pos + 1 : pos;
          element.selfClosing = true;
          element.openEnd = end;
          element.closeStart = end;
          element.end = end;
          element.value = '';
          location = Loc.Before;
          count = 0;
          if (parent) return { kind: 'closed' };
          element = null;
        } else {
          element.openEnd = pos;
          location = Loc.Content;
          count = 0;
          runStart = pos;
          parts = [];
        }
      } else if (location === Loc.Closing && c === GT && element) {
        const closingName = collected(pos - 1);
        element.closeStart = closeStart;
        element.end = pos;
        if (closingName !== element.name) {
          fail(`XMLERR: Element '${element.name}' not closed.`, closeStart, pos);
          // A typo in a leaf's closing tag (`<name>x</command>`) closes the leaf; a closing tag that names
          // an ancestor of an element holding children means a closing tag was left out above.
          if (element.children.length > 0 && ancestors.includes(closingName)) {
            return { kind: 'unwind', to: closingName, closeStart, end: pos };
          }
        }
        location = Loc.Before;
        count = 0;
        if (parent) return { kind: 'closed' };
        element = null;
      } else if (location === Loc.Content && c === LT && prevv === 1 && element) {
        if (pos < n && text.charCodeAt(pos) === SLASH) {
          element.value = collected(pos - 1);
          closeStart = pos - 1;
          pos++;
          location = Loc.Closing;
          count = 0;
          runStart = pos;
        } else {
          pos--;
          const childEnd = readElement(element, depth + 1, [...ancestors, element.name]);
          if (childEnd.kind === 'eof') return childEnd;
          if (childEnd.kind === 'unwind') {
            element.end = childEnd.end;
            element.closeStart = childEnd.closeStart;
            element.value = '';
            if (childEnd.to !== element.name) return childEnd;
            location = Loc.Before;
            count = 0;
            if (parent) return { kind: 'closed' };
            element = null;
            continue;
          }
          count = 0;
          parts = [];
          runStart = pos;
        }
      } else {
        if (location !== Loc.Before) {
          count++;
          if (count > longestText.length) {
            longestText.length = count;
            longestText.offset = pos;
          }
        }
        if (c === LT) prevv = 1;
      }
    }

    if (location !== Loc.Before && element) {
      fail('XMLERR: End of file and some elements were not closed.', element.start, n);
    }
    return { kind: 'eof' };
  };

  /** `</x>` where no element is open: the daemon stops; recovery skips the tag. */
  const skipStrayClosingTag = (): void => {
    const close = text.indexOf('>', pos);
    pos = close === -1 ? n : close + 1;
  };

  try {
    readElement(null, 1, []);
  } catch (e) {
    if (!(e instanceof StopReading)) throw e;
  }
  finishUnclosed(roots, n);
  return { roots, error, comments, longestText };
}

/** Elements still open when the read stopped end where the text ends. */
function finishUnclosed(elements: MutableElement[], n: number): void {
  for (const element of elements) {
    if (element.end <= element.start) {
      element.end = n;
      element.closeStart = n;
      if (element.openEnd <= element.start) element.openEnd = n;
    }
    finishUnclosed(element.children, n);
  }
}
