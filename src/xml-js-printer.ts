// The page uses xml-js only to print (src/core/xml/print.ts); its index also loads the reader and, with it,
// sax, which the page never runs. The build resolves 'xml-js' here (vite.config.ts).
import type { js2xml as Js2xml } from 'xml-js';
// @ts-expect-error: the package declares types for its index only; this is the same function.
import printer from 'xml-js/lib/js2xml.js';

export const js2xml: typeof Js2xml = printer;
