import type { Block, BlockChild, BlockKind, XmlElement } from './types';

/** The child elements of a block as its fields, `delta` characters from where they were read. */
export function fieldsOfElements(fields: readonly XmlElement[], delta = 0): BlockChild[] {
  return fields.map((field) => ({
    name: field.name,
    value: field.value,
    start: field.start + delta,
    end: field.end + delta,
    valueStart: (field.selfClosing ? field.end : field.openEnd) + delta,
    valueEnd: (field.selfClosing ? field.end : field.closeStart) + delta,
    selfClosing: field.selfClosing,
    hasNestedElements: field.childCount > 0,
  }));
}

/**
 * A block that keeps the field elements it was read from, with the offset it was read at, so that an edit
 * elsewhere in a large file moves it by copying six numbers; its children are built on first use.
 */
export class SourceBlock implements Block {
  readonly #fields: readonly XmlElement[];
  /** Where the block started in the text its fields were read from. */
  readonly #origin: number;
  #children: BlockChild[] | undefined;

  constructor(
    readonly index: number,
    readonly kind: BlockKind,
    readonly start: number,
    readonly end: number,
    readonly openEnd: number,
    readonly closeStart: number,
    readonly selfClosing: boolean,
    readonly topLevelIndex: number,
    readonly inConfigRoot: boolean,
    fields: readonly XmlElement[],
    origin: number,
  ) {
    this.#fields = fields;
    this.#origin = origin;
  }

  /** The block read as `element`, which lies `shift` characters before its place in the document. */
  static fromElement(
    element: XmlElement,
    index: number,
    topLevelIndex: number,
    inConfigRoot: boolean,
    shift = 0,
  ): SourceBlock {
    return new SourceBlock(
      index,
      element.name as BlockKind,
      element.start + shift,
      element.end + shift,
      element.openEnd + shift,
      element.closeStart + shift,
      element.selfClosing,
      topLevelIndex,
      inConfigRoot,
      element.children,
      element.start,
    );
  }

  get children(): BlockChild[] {
    this.#children ??= fieldsOfElements(this.#fields, this.start - this.#origin);
    return this.#children;
  }

  /** The same block `delta` characters and `indexDelta` places further on. */
  moved(delta: number, indexDelta = 0): SourceBlock {
    return new SourceBlock(
      this.index + indexDelta,
      this.kind,
      this.start + delta,
      this.end + delta,
      this.openEnd + delta,
      this.closeStart + delta,
      this.selfClosing,
      this.topLevelIndex,
      this.inConfigRoot,
      this.#fields,
      this.#origin,
    );
  }

  /** A plain copy, for comparisons and JSON. */
  toJSON(): Block {
    return {
      index: this.index,
      kind: this.kind,
      start: this.start,
      end: this.end,
      openEnd: this.openEnd,
      closeStart: this.closeStart,
      selfClosing: this.selfClosing,
      topLevelIndex: this.topLevelIndex,
      inConfigRoot: this.inConfigRoot,
      children: this.children,
    };
  }
}
