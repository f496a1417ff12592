/**
 * The `<white_list>` entries of the file's `<global>` sections: the addresses 4.x analysisd never runs a
 * response for (reference §5), and what a Wazuh 5.0 manager refuses (wazuh5 §1).
 */

import type { ConfigDocument, XmlElement } from '../model/types';
import { readOsXml } from '../xml/os-xml';

export interface WhiteListEntry {
  /** The element, with offsets into the document's text. */
  element: XmlElement;
  value: string;
}

/**
 * Every `<global><white_list>` under a root named `root`, in document order; `names` takes other spellings
 * too (OSSEC 3.6+ reads `<allow_list>` as well).
 */
export function whiteListEntries(
  doc: ConfigDocument,
  root: string,
  names: readonly string[] = ['white_list'],
): WhiteListEntry[] {
  const entries: WhiteListEntry[] = [];
  for (const top of doc.topLevel) {
    if (top.name !== root) continue;
    for (const section of top.children) {
      if (section.name !== 'global' || section.childCount === 0) continue;
      // The document keeps sections, not what they hold: read this one's children again.
      const scan = readOsXml(doc.text.slice(section.start, section.end));
      for (const child of scan.roots[0]?.children ?? []) {
        if (!names.includes(child.name)) continue;
        const shift = section.start;
        entries.push({
          element: { ...child, start: child.start + shift, end: child.end + shift },
          value: child.value,
        });
      }
    }
  }
  return entries;
}
