/**
 * The printer for everything the editor writes: xml-js `js2xml` with its escaping undone, because the
 * daemon never decodes entities — a value must reach the file exactly as the daemon should read it.
 * Values that the dialect cannot carry are refused earlier (`valueProblem`), never escaped here.
 */

import { type Element, js2xml } from 'xml-js';
import type { BlockSpec } from '../model/types';

/** js2xml escapes `&`, `<`, `>` and turns a literal `&amp;` into `&`; a private-use stand-in keeps `&` intact. */
const AMPERSAND = '\uE000';
/** Line breaks inside a value must survive the re-indentation of the printed block. */
const LINE_FEED = '\uE001';

function unescapeText(text: string): string {
  return text.replaceAll('&gt;', '>').replaceAll(AMPERSAND, '&');
}

/** Characters the printer uses as stand-ins, which a value therefore cannot hold. */
export const PRINTER_RESERVED = /[\uE000\uE001]/;

function fieldElement(name: string, value: string): Element {
  return {
    type: 'element',
    name,
    elements:
      value === ''
        ? []
        : [{ type: 'text', text: value.replaceAll('&', AMPERSAND).replaceAll('\n', LINE_FEED) }],
  };
}

const OPTIONS = {
  compact: false,
  fullTagEmptyElement: true,
  textFn: unescapeText,
} as const;

/** `<name>value</name>` on one line. */
export function printField(name: string, value: string): string {
  return js2xml({ elements: [fieldElement(name, value)] }, OPTIONS).replaceAll(LINE_FEED, '\n');
}

/**
 * A whole block, its first line unindented (the caller places it) and each following line prefixed with
 * `indent`, children one `indentUnit` deeper, lines joined with `eol`.
 */
export function printBlock(spec: BlockSpec, indent: string, indentUnit: string, eol: string): string {
  const element: Element = {
    type: 'element',
    name: spec.kind,
    elements: spec.fields.map((f) => fieldElement(f.name, f.value)),
  };
  const printed = js2xml({ elements: [element] }, { ...OPTIONS, spaces: indentUnit });
  return printed
    .split('\n')
    .map((line, i) => (i === 0 ? line : indent + line))
    .join(eol)
    .replaceAll(LINE_FEED, '\n');
}
