/**
 * The document model. A ConfigDocument is the admin's text plus what the daemon's reader finds in it.
 * All offsets are UTF-16 code-unit offsets into `ConfigDocument.text`; line and column are 1-based.
 */

export type BlockKind = 'command' | 'active-response';

/** One element as the daemon's XML reader (OS_XML) sees it, with where it sits in the text. */
export interface XmlElement {
  name: string;
  /** Offset of the `<` that opens the element. */
  start: number;
  /** Offset just past the `>` that ends the element (its closing tag, or the open tag when self-closing). */
  end: number;
  /** Offset just past the `>` of the open tag. */
  openEnd: number;
  /** Offset of the `<` of the closing tag; equal to `end` for a self-closing element. */
  closeStart: number;
  selfClosing: boolean;
  /**
   * The text the daemon reads for this element: comments removed and the pieces joined, and only
   * what follows the last nested element (OS_XML resets the content after a child).
   */
  value: string;
  /**
   * The elements inside it, for roots and for `<command>`/`<active-response>` sections; what lies deeper
   * is read but not kept (`childCount` still counts it).
   */
  children: XmlElement[];
  childCount: number;
  attributeCount: number;
}

/** A direct child of a `<command>` or `<active-response>` block, e.g. `<timeout>600</timeout>`. */
export interface BlockChild {
  name: string;
  value: string;
  start: number;
  end: number;
  /** Raw text range between the open and closing tag (empty at `end` when self-closing). */
  valueStart: number;
  valueEnd: number;
  selfClosing: boolean;
  /** The child holds elements of its own (`<name><b/></name>`): its value is what follows the last one. */
  hasNestedElements: boolean;
}

export interface Block {
  /** Position among all blocks in document order; also the block's id within one document state. */
  index: number;
  kind: BlockKind;
  start: number;
  end: number;
  openEnd: number;
  closeStart: number;
  selfClosing: boolean;
  /** Index into `ConfigDocument.topLevel` of the root that holds it; for a fragment's own top-level blocks, the block's own entry. */
  topLevelIndex: number;
  /** Whether the daemon reads this block: inside an `<ossec_config>` (or `<wazuh_config>`) root, or a top-level block of a fragment. */
  inConfigRoot: boolean;
  children: BlockChild[];
}

/**
 * How the file is laid out: a whole ossec.conf, a fragment (top-level elements and no `<ossec_config>`
 * root), a centralized agent.conf, or nothing the daemon's reader finds (`var` elements do not count).
 */
export type DocumentShape = 'config' | 'fragment' | 'agent-config' | 'empty';

export type TextEncoding = 'utf-8' | 'latin1';

export interface Layout {
  eol: '\n' | '\r\n';
  /** One level of indentation as the file writes it. */
  indentUnit: string;
  /** Indentation of blocks inside a root. */
  blockIndent: string;
  /** Indentation of a block's children. */
  childIndent: string;
  finalNewline: boolean;
  /** How many line breaks are LF alone and CRLF: `eol` is the majority, kept up to date by every edit. */
  lineBreaks: { lf: number; crlf: number };
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A document operation: serialisable, applied through the document API (`applyOps`). `occurrence`
 * picks one of a field written several times (0 = the first); without it `setField` edits the last,
 * the one the daemon uses, and `removeField` removes them all.
 */
export type DocumentOp =
  | { op: 'setField'; blockIndex: number; field: string; value: string; occurrence?: number }
  | { op: 'removeField'; blockIndex: number; field: string; occurrence?: number }
  | { op: 'insertBlock'; block: BlockSpec; before?: number; after?: number }
  | { op: 'removeBlock'; blockIndex: number }
  | { op: 'duplicateBlock'; blockIndex: number }
  | { op: 'moveBlock'; blockIndex: number; toIndex: number }
  | { op: 'replaceText'; start: number; end: number; text: string }
  /** Read the same text as a snippet (or as a whole file): how it is judged, not what it says. */
  | { op: 'readAs'; snippet: boolean };

export interface Fix {
  title: string;
  ops: DocumentOp[];
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  daemonMessage?: string;
  blockIndex?: number;
  /** The element name of the field (`timeout`, `rules_group`), when the problem is in one. */
  field?: string;
  line: number;
  column: number;
  offset: number;
  endOffset?: number;
  fix?: Fix;
  /** A view of the page that deals with the problem (the migration view for Wazuh 5.0's leftovers). */
  see?: 'migration';
}

/** A new block as the editor creates it: element names and values in document order. */
export interface BlockSpec {
  kind: BlockKind;
  fields: Array<{ name: string; value: string }>;
}

export interface XmlReadError {
  /** The daemon's own text, e.g. `XMLERR: Element 'name' not closed.` */
  message: string;
  /** Where the user should look (the mismatched closing tag, the unclosed comment, …). */
  offset: number;
  endOffset: number;
}

/**
 * A `<command>` definition (a `<command>` holding elements) put inside another element, where no daemon
 * reads it as a definition: in an `<active-response>` it is that block's `<command>` option.
 */
export interface NestedDefinition {
  start: number;
  end: number;
  /** Its fields, as a block's. */
  children: BlockChild[];
  /** The element it was put in. */
  container: XmlElement;
  /** The block it was put in, when that is a `<command>` or `<active-response>`. */
  blockIndex?: number;
  /** The names of the elements around it, outermost first. */
  ancestors: string[];
}

/** What one edit changed: blocks `[first, first + removed)` of the base document became `[first, first + inserted)` here. */
export interface DocumentChange {
  baseRevision: number;
  first: number;
  removed: number;
  inserted: number;
}

export interface ConfigDocument {
  /** Unique per document value (a process-wide counter); every read and every edit gives a new one. */
  revision: number;
  /**
   * Set by the edits of model/edit.ts (absent after a read): the blocks that changed since the document of `baseRevision`; the text outside them
   * (and outside the blanks between them) is that document's, moved.
   */
  change?: DocumentChange;
  text: string;
  encoding: TextEncoding;
  /**
   * The admin said this text is a snippet to paste into an ossec.conf (DESIGN §2): a fragment is then
   * read as the blocks it holds, not refused as a file without an `<ossec_config>` root.
   */
  snippet: boolean;
  shape: DocumentShape;
  layout: Layout;
  /** Top-level elements in document order (roots, or a fragment's blocks), with their direct children only. */
  topLevel: XmlElement[];
  blocks: Block[];
  /** The first error the daemon's reader stops at; blocks then hold what was read before it (and a recovery read after it). */
  xmlError: XmlReadError | null;
  /** Reading problems: XML errors and dialect warnings (CDATA, DOCTYPE, …), in the Diagnostic shape. */
  problems: Diagnostic[];
  /** `<command>` definitions put inside another element, in document order. */
  nested: NestedDefinition[];
}

/** The fields of a `<command>` as the file writes them; `undefined` means the element is absent. */
export interface Command {
  name?: string;
  executable?: string;
  expect?: string;
  timeoutAllowed?: string;
  extraArgs?: string;
}

/** The fields of an `<active-response>` as the file writes them; `undefined` means the element is absent. */
export interface ActiveResponse {
  disabled?: string;
  command?: string;
  location?: string;
  agentId?: string;
  level?: string;
  rulesId?: string;
  rulesGroup?: string;
  timeout?: string;
  repeatedOffenders?: string;
  caStore?: string;
  caVerification?: string;
}
