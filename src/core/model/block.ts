import type { Block, BlockChild, BlockKind, XmlElement } from './types';

/**
 * A block whose children are kept relative to its start, so that an edit elsewhere in a large file can move
 * it by copying six numbers instead of every child (the absolute children are built on first use).
 */
export class SourceBlock implements Block {
  readonly #relativeChildren: readonly BlockChild[];
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
    relativeChildren: readonly BlockChild[],
  ) {
    this.#relativeChildren = relativeChildren;
  }

  static fromElement(
    element: XmlElement,
    index: number,
    topLevelIndex: number,
    inConfigRoot: boolean,
  ): SourceBlock {
    const base = element.start;
    return new SourceBlock(
      index,
      element.name as BlockKind,
      element.start,
      element.end,
      element.openEnd,
      element.closeStart,
      element.selfClosing,
      topLevelIndex,
      inConfigRoot,
      element.children.map((child) => ({
        name: child.name,
        value: child.value,
        start: child.start - base,
        end: child.end - base,
        valueStart: (child.selfClosing ? child.end : child.openEnd) - base,
        valueEnd: (child.selfClosing ? child.end : child.closeStart) - base,
        selfClosing: child.selfClosing,
        hasNestedElements: child.children.length > 0,
      })),
    );
  }

  get children(): BlockChild[] {
    if (this.#children === undefined) {
      const base = this.start;
      this.#children = this.#relativeChildren.map((child) => ({
        ...child,
        start: child.start + base,
        end: child.end + base,
        valueStart: child.valueStart + base,
        valueEnd: child.valueEnd + base,
      }));
    }
    return this.#children;
  }

  /** The same block `delta` characters further on (and at another position in the block list). */
  moved(delta: number, index = this.index, topLevelIndex = this.topLevelIndex): SourceBlock {
    return new SourceBlock(
      index,
      this.kind,
      this.start + delta,
      this.end + delta,
      this.openEnd + delta,
      this.closeStart + delta,
      this.selfClosing,
      topLevelIndex,
      this.inConfigRoot,
      this.#relativeChildren,
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
