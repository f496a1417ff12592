/**
 * A reader that follows the daemon's own XML parser (OS_XML, `src/os_xml/os_xml.c` in OSSEC and Wazuh)
 * character by character, so that what it accepts, refuses and reads as a value is what the daemon does:
 * comments run from `<!` to the first `-->` or `!>` (so CDATA and DOCTYPE are comments too), entities are
 * never decoded, a comment inside a value is dropped and the halves joined, a backslash makes the next `<`
 * plain text, whitespace is never trimmed, and the first error stops the read.
 *
 * Unlike the daemon it keeps source offsets for the elements it keeps, and after the first error it goes on in a
 * recovery mode (a mismatched closing tag closes the open elements up to the one it names) so that the
 * editor can still show the blocks of a file that the daemon would refuse.
 */

import type { XmlElement, XmlReadError } from '../model/types';

/**
 * How a release of OS_XML differs from another: each is a constant or a branch of `os_xml.c` that
 * changed between tags (the target profiles say which release has which).
 */
export interface XmlDialect {
  /** `XML_MAXSIZE`: the longest element name, value or attribute the reader holds. */
  maxText: number;
  backslashRuns: BackslashRuns;
  /**
   * `XML_MAX_ATTR_DEPTH` (Wazuh 4.14.7): `_getattributes()` calls itself once per attribute followed by
   * whitespace and gives up past this depth. `null`: no limit.
   */
  maxAttributeDepth: number | null;
  /** What `_ReadElem()` says past 1024 levels; `null` when that release has no limit at all. */
  recursionMessage: string | null;
}

/** How Wazuh 4.14.7 reads: the default target's reader, and the one a document is first read with. */
export const WAZUH_DIALECT: XmlDialect = {
  maxText: 20480,
  backslashRuns: 'toggle',
  maxAttributeDepth: 48,
  recursionMessage: 'XMLERR: Max recursion level reached',
};

/** Where this reader stops on a release with no nesting limit, whose daemon would exhaust its stack. */
export const UNLIMITED_NESTING = 'Nested deeper than 1024 levels.';
/** The daemons that limit nesting stop at this depth. */
const MAX_DEPTH = 1024;
/** OS_XML's element type for `var` (`XML_VARIABLE_BEGIN`), compared with `strcasecmp`: readers skip it. */
const VARIABLE = /^var$/i;
const isVariable = (name: string) => name.length === 3 && VARIABLE.test(name);

const EOF = -1;
const LT = 60;
const GT = 62;
const BANG = 33;
const SLASH = 47;
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

/** A `<command>` that is not a direct child of a root: where it sits, and the names of the elements around it. */
export interface NestedCommandElement {
  element: XmlElement;
  /** The element it sits in (`null` at the top level). */
  parent: XmlElement | null;
  /** Outermost first, e.g. `['ossec_config', 'active-response']`. */
  ancestors: string[];
}

export interface OsXmlResult {
  roots: XmlElement[];
  error: XmlReadError | null;
  /** Every `<!…>` the reader skipped as a comment (CDATA and DOCTYPE included). */
  comments: CommentSpan[];
  /**
   * Every `<var>` element (any case): OS_XML marks it a variable, and `OS_GetElementsbyNode()` never
   * hands it to a configuration reader, so it is in no element's children and in no root.
   */
  variables: CommentSpan[];
  /** `<command>` elements holding elements of their own, below the level where a block stands. */
  nestedCommands: NestedCommandElement[];
}

interface MutableElement extends XmlElement {
  children: MutableElement[];
}

/** What a frame tells its parent when it returns. */
type FrameEnd =
  | { kind: 'closed' }
  | { kind: 'eof' }
  | { kind: 'unwind'; to: string; closeStart: number; end: number };

/** The children of an element whose children are not kept: shared, and frozen so nothing adds to it. */
const NO_CHILDREN: MutableElement[] = Object.freeze([]) as unknown as MutableElement[];

const CLOSED: FrameEnd = { kind: 'closed' };
const END_OF_TEXT: FrameEnd = { kind: 'eof' };

/** Thrown inside the reader only, to stop at an error that recovery cannot step over. */
class StopReading extends Error {}

/** Where `_ReadElem()` is within an element: before it, in its name, in its content, in its closing tag. */
const Loc = { Before: -1, Name: 0, Content: 1, Closing: 2 } as const;
type Loc = (typeof Loc)[keyof typeof Loc];

/**
 * How a run of backslashes before `<` reads. Wazuh toggles (`\\<` opens a tag again); OSSEC's parser keeps
 * any run escaping (`\\<` is still text), so a value ending in backslashes swallows its closing tag there.
 */
export type BackslashRuns = 'toggle' | 'sticky';

/**
 * `depth`: the level the text's own top elements stand at, when it is a piece of a larger file (the sections
 * of a root stand at 2), so that what is kept and what is a nested definition is decided as in the whole.
 */
export function readOsXml(text: string, dialect: XmlDialect = WAZUH_DIALECT, depth = 1): OsXmlResult {
  const reader = new OsXmlReader(text, dialect, depth);
  try {
    reader.readElement(null, depth, true);
  } catch (e) {
    if (!(e instanceof StopReading)) throw e;
  }
  if (reader.error) finishUnclosed(reader.roots, text.length);
  return {
    roots: reader.roots,
    error: reader.error,
    comments: reader.comments,
    variables: reader.variables.map((v) => ({ start: v.start, end: Math.max(v.end, v.start) })),
    nestedCommands: reader.nestedCommands
      .filter((n) => n.element.childCount > 0)
      .map(({ element, parent, ancestors }) => ({ element, parent, ancestors })),
  };
}

/** The state of one read; the methods are `_ReadElem()`, `_getattributes()` and `_oscomment()`. */
class OsXmlReader {
  pos = 0;
  error: XmlReadError | null = null;
  readonly comments: CommentSpan[] = [];
  readonly roots: MutableElement[] = [];
  readonly variables: MutableElement[] = [];
  readonly nestedCommands: Array<{
    element: MutableElement;
    parent: MutableElement | null;
    ancestors: string[];
  }> = [];
  readonly n: number;
  readonly maxText: number;
  private readonly stickyBackslashes: boolean;
  /** The elements open above the current frame, outermost first, and their names. */
  private readonly openElements: MutableElement[] = [];
  private readonly openStack: string[] = [];
  /** The elements a nested `<command>` sits in: the document shows them, value included. */
  private readonly containers = new Set<MutableElement>();
  /**
   * How many elements of each name are open, kept from the first mismatched closing tag on: from then
   * recovery asks "is it open?" at each one, which the count answers at once however deep the nesting.
   */
  private openCounts: Map<string, number> | null = null;
  private openVariables = 0;
  /**
   * Element names and short values read so far, by a hash of their length and ends: most repeat (names,
   * `yes`, the blanks before a closing tag), and a repeat needs no copy.
   */
  private readonly names: Array<string | undefined>;
  private readonly values: Array<string | undefined>;
  /**
   * Where the next `\\` and `<` are (the text's length when there is none) and the next `-->` and `!>`
   * (-1 when there is none). Each is searched for again only once the read has passed it, so each search
   * starts beyond the last one and the text is scanned once in all.
   */
  private nextBackslash = -1;
  private nextLt = -1;
  private nextDashes = -2;
  private nextBangClose = -2;

  constructor(
    readonly text: string,
    readonly dialect: XmlDialect,
    /** The level the text's own top elements stand at. */
    readonly topDepth: number,
  ) {
    this.n = text.length;
    // Sized to the text (powers of two): an edit re-reads a block of a few hundred characters.
    const large = text.length > 8192;
    this.names = new Array(large ? 512 : 32);
    this.values = new Array(large ? 1024 : 32);
    this.maxText = dialect.maxText;
    this.stickyBackslashes = dialect.backslashRuns === 'sticky';
  }

  /** `text[from, to)`, the same string as the last one of that length and ends that `seen` holds. */
  shared(seen: Array<string | undefined>, from: number, to: number): string {
    const { text } = this;
    const length = to - from;
    if (length === 0) return '';
    const key = (length * 31 + text.charCodeAt(from) * 7 + text.charCodeAt(to - 1)) & (seen.length - 1);
    const known = seen[key];
    if (known !== undefined && known.length === length && text.startsWith(known, from)) return known;
    const piece = text.slice(from, to);
    seen[key] = piece;
    return piece;
  }

  /** Values this short are shared; longer ones are seldom repeated. */
  static readonly SHARED_VALUE = 24;

  /** Whether an element of this name is open above the current frame. */
  isOpen(name: string): boolean {
    if (this.openCounts === null) {
      this.openCounts = new Map();
      for (const open of this.openStack) this.openCounts.set(open, (this.openCounts.get(open) ?? 0) + 1);
    }
    return this.openCounts.has(name);
  }

  fail(message: string, offset: number, endOffset = offset): void {
    if (this.error === null) this.error = { message, offset, endOffset: Math.max(endOffset, offset) };
  }

  getc(): number {
    return this.pos < this.n ? this.text.charCodeAt(this.pos++) : EOF;
  }

  /** The text of a name or value: the runs between skipped comments, and the run that ends at `upTo`. */
  private collected(parts: string[] | null, runStart: number, upTo = this.pos - 1): string {
    const last = this.text.slice(runStart, upTo);
    if (parts === null) return last;
    parts.push(last);
    return parts.join('');
  }

  /**
   * `_oscomment()`, called with `pos` at the `!` of `<!`. The C loop ends at the first `-->` or `!>`; the
   * character it pushes back twice after `--x` never creates or hides such an end, so a search gives the
   * same place. An unclosed comment stops the read.
   */
  skipComment(ltOffset: number): void {
    const from = this.pos + 1;
    if (this.nextDashes < from && this.nextDashes !== -1) this.nextDashes = this.text.indexOf('-->', from);
    if (this.nextBangClose < from && this.nextBangClose !== -1)
      this.nextBangClose = this.text.indexOf('!>', from);
    const dashes = this.nextDashes;
    const bang = this.nextBangClose;
    if (dashes === -1 && bang === -1) {
      this.fail('XMLERR: Comment not closed.', ltOffset, this.n);
      throw new StopReading();
    }
    this.pos = bang === -1 || (dashes !== -1 && dashes + 1 < bang) ? dashes + 3 : bang + 2;
    this.comments.push({ start: ltOffset, end: this.pos });
  }

  /** `_getattributes()`. Returns '/' when the tag ends in `/`, '>' when it ends in `>`. */
  readAttributes(element: MutableElement): '/' | '>' {
    const seen = new Set<string>();
    let inValue = false;
    let count = 0;
    let nameStart = this.pos;
    let valueStart = 0;
    let quote = 0;
    let attributeName = '';
    for (;;) {
      const c = this.getc();
      if (c === EOF) {
        this.fail('XMLERR: End of file while reading an attribute.', element.start, this.n);
        throw new StopReading();
      }
      if (count >= this.maxText) {
        // `%.20s` of the name: in a value, the name read before `=`; in a name, its first characters.
        const name = inValue ? attributeName : this.text.slice(nameStart, this.pos - 1);
        this.fail(`XMLERR: Overflow attempt at attribute '${name.slice(0, 20)}'.`, this.pos - 1);
        throw new StopReading();
      }
      if (c === GT || (!inValue && c === SLASH)) {
        if (inValue) {
          this.fail(`XMLERR: Attribute '${attributeName}' not closed.`, element.start, this.pos);
          return this.recoverTagEnd(c);
        }
        if (count > 0) {
          this.fail(
            `XMLERR: Attribute '${this.text.slice(nameStart, this.pos - 1)}' has no value.`,
            element.start,
            this.pos,
          );
          return this.recoverTagEnd(c);
        }
        return c === SLASH ? '/' : '>';
      }
      if (!inValue && c === EQUALS) {
        attributeName = this.text.slice(nameStart, this.pos - 1);
        if (seen.has(attributeName)) {
          this.fail(`XMLERR: Attribute '${attributeName}' already defined.`, element.start, this.pos);
        }
        seen.add(attributeName);
        let q = this.getc();
        if (q !== DQUOTE && q !== SQUOTE) {
          while (isSpace(q)) q = this.getc();
          if (q !== DQUOTE && q !== SQUOTE) {
            this.fail(
              `XMLERR: Attribute '${attributeName}' not followed by a " or '.`,
              element.start,
              this.pos,
            );
            if (q === EOF) throw new StopReading();
            return this.recoverTagEnd(q);
          }
        }
        quote = q;
        inValue = true;
        count = 0;
        valueStart = this.pos;
        continue;
      }
      if (!inValue && isSpace(c)) {
        if (count === 0) {
          nameStart = this.pos;
          continue;
        }
        this.fail(
          `XMLERR: Attribute '${this.text.slice(nameStart, this.pos - 1)}' has no value.`,
          element.start,
          this.pos,
        );
        return this.recoverTagEnd(c);
      }
      if (inValue && c === quote) {
        const value = this.text.slice(valueStart, this.pos - 1);
        element.attributeCount++;
        const after = this.getc();
        const { maxAttributeDepth } = this.dialect;
        if (isSpace(after) && maxAttributeDepth !== null && element.attributeCount > maxAttributeDepth) {
          // The recursive call for the next attribute would be one level too deep.
          this.fail('XMLERR: Too many attributes.', element.start, this.pos);
          return this.recoverTagEnd(after);
        }
        if (isSpace(after)) {
          inValue = false;
          count = 0;
          nameStart = this.pos;
          continue;
        }
        if (after === GT) return '>';
        if (after === SLASH) return '/';
        this.fail(
          `XMLERR: Bad attribute closing for '${attributeName}'='${value}'.`,
          element.start,
          this.pos,
        );
        if (after === EOF) throw new StopReading();
        return this.recoverTagEnd(after);
      }
      count++;
    }
  }

  /** After an attribute error: skip to the end of the tag so the rest of the file can still be shown. */
  recoverTagEnd(c: number): '/' | '>' {
    let ch = c;
    let previous = 0;
    while (ch !== GT) {
      if (ch === EOF) throw new StopReading();
      previous = ch;
      ch = this.getc();
    }
    return previous === SLASH ? '/' : '>';
  }

  /** A new element; it joins its parent's children (or the roots) once its name is known. */
  newElement(start: number, parent: MutableElement | null, parentDepth: number): MutableElement {
    const element: MutableElement = {
      name: '',
      start,
      end: start,
      openEnd: start,
      closeStart: start,
      selfClosing: false,
      value: '',
      children: NO_CHILDREN,
      childCount: 0,
      attributeCount: 0,
    };
    if (parent) {
      parent.childCount++;
      // A `<command>` below block level is a nested definition once it holds an element: noted now, with
      // what is open around it (the stack ends with it), rather than for every `<command>` field.
      if (
        parent.childCount === 1 &&
        parent.name === 'command' &&
        parentDepth >= 2 &&
        this.openVariables === 0
      ) {
        // Read inside its frame (the stack ends with it) or at once by `readLeaf` (it does not).
        const inside = this.openElements.at(-1) === parent;
        const depthAbove = this.openStack.length - (inside ? 1 : 0);
        const container = this.openElements[depthAbove - 1] ?? null;
        this.nestedCommands.push({
          element: parent,
          parent: container,
          ancestors: this.openStack.slice(0, depthAbove),
        });
        if (container) this.containers.add(container);
      }
    }
    return element;
  }

  /**
   * Puts a named element where the configuration readers find it: with its siblings, unless it is a
   * `var`. A `<command>` below block level keeps its children so a definition put there can be shown.
   */
  place(element: MutableElement, parent: MutableElement | null, depth: number, attach: boolean): void {
    if (isVariable(element.name)) {
      this.variables.push(element);
      return;
    }
    if (keepsChildren(depth, element.name)) element.children = [];
    if (!parent) this.roots.push(element);
    else if (attach) parent.children.push(element);
  }

  /**
   * `_ReadElem()`. The top frame (parent null) reads root elements one after another; a child frame
   * reads one element and returns. `attach` says whether the element goes into its parent's children.
   */
  readElement(parent: MutableElement | null, depth: number, attach: boolean): FrameEnd {
    if (depth > MAX_DEPTH) {
      this.fail(this.dialect.recursionMessage ?? UNLIMITED_NESTING, this.pos);
      throw new StopReading();
    }
    let location: Loc = Loc.Before;
    let prevv = 1;
    let count = 0;
    let element: MutableElement | null = null;
    let parts: string[] | null = null;
    let runStart = 0;
    let closeStart = 0;

    for (;;) {
      // Plain characters only count: step over a run of them at once. A run never goes past the character
      // that reaches the limit, so the overflow is still found on that character below; stepping at most
      // to it keeps a value of any length linear.
      if (prevv === 1 && (location === Loc.Content || location === Loc.Before)) {
        // In text: up to the next `<` or backslash.
        if (this.nextBackslash < this.pos) {
          this.nextBackslash = this.text.indexOf('\\', this.pos);
          if (this.nextBackslash === -1) this.nextBackslash = this.n;
        }
        if (this.nextLt < this.pos) {
          this.nextLt = this.text.indexOf('<', this.pos);
          if (this.nextLt === -1) this.nextLt = this.n;
        }
        const stop = Math.min(this.nextLt, this.nextBackslash);
        if (location === Loc.Before) {
          this.pos = stop;
        } else {
          const run = Math.min(stop - this.pos, this.maxText - count);
          count += run;
          this.pos += run;
        }
      }
      if (prevv === 1 && (location === Loc.Name || location === Loc.Closing)) {
        // In a tag name: up to whatever can end or interrupt it.
        const { text } = this;
        const limit = Math.min(this.n, this.pos + this.maxText - count);
        let i = this.pos;
        for (; i < limit; i++) {
          const ch = text.charCodeAt(i);
          if (ch === GT || ch === LT || ch === BACKSLASH || (location === Loc.Name && isSpace(ch))) break;
        }
        count += i - this.pos;
        this.pos = i;
      }
      const c = this.getc();
      if (c === EOF) break;
      if (c === BACKSLASH) prevv = this.stickyBackslashes ? -1 : -prevv;
      else if (c !== LT && prevv === -1) prevv = 1;

      if (count >= this.maxText) {
        this.fail('XMLERR: String overflow.', this.pos - 1);
        count = 0;
      }

      if (c === LT && this.pos < this.n && this.text.charCodeAt(this.pos) === BANG) {
        const ltOffset = this.pos - 1;
        if (location !== Loc.Before) {
          parts ??= [];
          parts.push(this.text.slice(runStart, ltOffset));
        }
        this.skipComment(ltOffset);
        runStart = this.pos;
        continue;
      }

      if (location === Loc.Before && prevv === 1) {
        if (c !== LT) continue;
        if (this.pos < this.n && this.text.charCodeAt(this.pos) === SLASH) {
          this.fail('XMLERR: Element not opened.', this.pos - 1);
          this.skipStrayClosingTag();
          continue;
        }
        element = this.newElement(this.pos - 1, parent, depth - 1);
        location = Loc.Name;
        count = 0;
        runStart = this.pos;
        parts = null;
      } else if (location === Loc.Name && (c === GT || isSpace(c)) && element) {
        let name: string;
        let selfClosing = false;
        if (parts === null) {
          let to = this.pos - 1;
          if (to > runStart && this.text.charCodeAt(to - 1) === SLASH) {
            selfClosing = true;
            to--;
          }
          name = this.shared(this.names, runStart, to);
        } else {
          name = this.collected(parts, runStart);
          if (name.length > 0 && name.charCodeAt(name.length - 1) === SLASH) {
            selfClosing = true;
            name = name.slice(0, -1);
          }
        }
        parts = null;
        element.name = name;
        this.place(element, parent, depth, attach);
        if (isSpace(c) && this.readAttributes(element) === '/') selfClosing = true;
        // The daemon refuses `<?xml …?>`; reading on, it holds nothing, so the roots after it stay roots.
        if (name.startsWith('?') && this.error !== null) selfClosing = true;
        if (selfClosing) {
          // `<a />` leaves its `>` unread: the daemon then takes it as text of the parent.
          const end =
            this.text.charCodeAt(this.pos - 1) === SLASH && this.text.charCodeAt(this.pos) === GT
              ? this.pos + 1
              : this.pos;
          element.selfClosing = true;
          element.openEnd = end;
          element.closeStart = end;
          element.end = end;
          element.value = '';
          location = Loc.Before;
          count = 0;
          if (parent) return CLOSED;
          element = null;
        } else {
          element.openEnd = this.pos;
          location = Loc.Content;
          count = 0;
          runStart = this.pos;
          parts = null;
        }
      } else if (location === Loc.Closing && c === GT && element) {
        const { name } = element;
        // Compared in place: slicing every closing tag only to compare it would double the garbage.
        const closingName = parts === null ? null : this.collected(parts, runStart);
        const closes =
          closingName === null
            ? this.pos - 1 - runStart === name.length && this.text.startsWith(name, runStart)
            : closingName === name;
        element.closeStart = closeStart;
        element.end = this.pos;
        if (!closes) {
          const closing = closingName ?? this.collected(null, runStart);
          this.fail(`XMLERR: Element '${element.name}' not closed.`, closeStart, this.pos);
          // A typo in a leaf's closing tag (`<name>x</command>`) closes the leaf; a closing tag that names
          // an ancestor of an element holding children means a closing tag was left out above.
          if (element.childCount > 0 && this.isOpen(closing)) {
            return { kind: 'unwind', to: closing, closeStart, end: this.pos };
          }
        }
        parts = null;
        location = Loc.Before;
        count = 0;
        if (parent) return CLOSED;
        element = null;
      } else if (location === Loc.Content && c === LT && prevv === 1 && element) {
        if (this.pos < this.n && this.text.charCodeAt(this.pos) === SLASH) {
          // An element in no list (below a section, say) is read for its shape only: its value is never used,
          // unless it holds a nested definition.
          if (attach || element.name === 'command' || this.containers.has(element))
            element.value =
              parts === null && this.pos - 1 - runStart <= OsXmlReader.SHARED_VALUE
                ? this.shared(this.values, runStart, this.pos - 1)
                : this.collected(parts, runStart, this.pos - 1);
          parts = null;
          closeStart = this.pos - 1;
          this.pos++;
          location = Loc.Closing;
          count = 0;
          runStart = this.pos;
        } else {
          this.pos--;
          if (this.readLeaf(element, depth)) {
            count = 0;
            parts = null;
            runStart = this.pos;
            continue;
          }
          const childEnd = this.readInside(element, depth);
          if (childEnd.kind === 'eof') return childEnd;
          if (childEnd.kind === 'unwind') {
            element.end = childEnd.end;
            element.closeStart = childEnd.closeStart;
            element.value = '';
            if (childEnd.to !== element.name) return childEnd;
            location = Loc.Before;
            count = 0;
            if (parent) return CLOSED;
            element = null;
            continue;
          }
          count = 0;
          parts = null;
          runStart = this.pos;
        }
      } else {
        if (location !== Loc.Before) {
          count++;
        }
        if (c === LT) prevv = 1;
      }
    }

    if (location !== Loc.Before && element) {
      this.fail('XMLERR: End of file and some elements were not closed.', element.start, this.n);
    }
    return END_OF_TEXT;
  }

  /**
   * A plain leaf `<name>text</name>` inside `parent` (whose content has just reached its `<`), read at
   * once: most elements are such fields, and the general frame would read one exactly so. Anything else
   * (attributes, a self-closing tag, a comment or backslash, a length near a limit, a depth at the limit)
   * reads nothing and returns false, leaving it to the general frame.
   */
  readLeaf(parent: MutableElement, depth: number): boolean {
    const { text, n, maxText } = this;
    const start = this.pos;
    if (depth + 1 > MAX_DEPTH) return false;
    let nameEnd = start + 1;
    const nameLimit = Math.min(n, nameEnd + maxText - 2);
    for (; nameEnd < nameLimit; nameEnd++) {
      const ch = text.charCodeAt(nameEnd);
      if (ch === GT || ch === LT || ch === BACKSLASH || isSpace(ch)) break;
    }
    if (nameEnd === start + 1 || nameEnd >= nameLimit || text.charCodeAt(nameEnd) !== GT) return false;
    if (text.charCodeAt(nameEnd - 1) === SLASH) return false;
    const openEnd = nameEnd + 1;
    const closeStart = text.indexOf('<', openEnd);
    const name = this.shared(this.names, start + 1, nameEnd);
    const end = closeStart + 3 + name.length;
    if (
      closeStart === -1 ||
      closeStart - openEnd >= maxText - 1 ||
      text.charCodeAt(closeStart + 1) !== SLASH ||
      text.charCodeAt(end - 1) !== GT ||
      !text.startsWith(name, closeStart + 2)
    ) {
      return false;
    }
    if (this.nextBackslash < start) {
      this.nextBackslash = text.indexOf('\\', start);
      if (this.nextBackslash === -1) this.nextBackslash = n;
    }
    if (this.nextBackslash < end) return false;

    const attach = parent.children !== NO_CHILDREN;
    const element = this.newElement(start, parent, depth);
    element.name = name;
    element.openEnd = openEnd;
    element.closeStart = closeStart;
    element.end = end;
    if (attach || name === 'command') {
      element.value =
        closeStart - openEnd <= OsXmlReader.SHARED_VALUE
          ? this.shared(this.values, openEnd, closeStart)
          : text.slice(openEnd, closeStart);
    }
    this.place(element, parent, depth + 1, attach);
    this.pos = end;
    return true;
  }

  /** The element inside `element` (whose content has just reached a `<`), with `element` counted as open. */
  readInside(element: MutableElement, depth: number): FrameEnd {
    const { name } = element;
    const variable = isVariable(name);
    const counts = this.openCounts;
    this.openStack.push(name);
    this.openElements.push(element);
    counts?.set(name, (counts.get(name) ?? 0) + 1);
    if (variable) this.openVariables++;
    // No `finally`: a StopReading that passes through ends the read, and the open names with it.
    const end = this.readElement(element, depth + 1, element.children !== NO_CHILDREN);
    this.openStack.pop();
    this.openElements.pop();
    // The counts may have begun inside, from a stack that held this name.
    const after = this.openCounts;
    if (after) {
      const open = after.get(name) ?? 1;
      if (open === 1) after.delete(name);
      else after.set(name, open - 1);
    }
    if (variable) this.openVariables--;
    return end;
  }

  /** `</x>` where no element is open: the daemon stops; recovery skips the tag. */
  skipStrayClosingTag(): void {
    const close = this.text.indexOf('>', this.pos);
    this.pos = close === -1 ? this.n : close + 1;
  }
}

/**
 * The document needs the roots, their sections, the fields of the blocks among them, and the fields of a
 * `<command>` put anywhere deeper; other elements are read (and counted) but not kept, which keeps large
 * files light.
 */
function keepsChildren(depth: number, name: string): boolean {
  return depth === 1 || name === 'command' || (depth === 2 && name === 'active-response');
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
