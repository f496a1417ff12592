/**
 * What execd reads from the ossec.conf of the host it runs on (reference §2, §5.6, §5.8, §13): the first
 * `<disabled>` under any `<active-response>`, and one `repeated_offenders` list.
 */

import { fieldsNamed } from '../model/fields';
import type { Block, BlockChild, ConfigDocument } from '../model/types';
import type { TargetProfile } from '../targets/target';
import { atoi } from './c-atoi';

export interface ExecdView {
  /** The `<disabled>` execd decides by: the first one in document order. */
  disabled?: { block: Block; child: BlockChild };
  /** The `repeated_offenders` execd reads, if any. */
  offenders?: { block: Block; child: BlockChild; minutes: number[] };
}

/** The `<active-response>` blocks execd walks: those under an `<ossec_config>` root (or a fragment's). */
function responseBlocks(doc: ConfigDocument): Block[] {
  return doc.blocks.filter((b) => b.inConfigRoot && b.kind === 'active-response');
}

export function execdView(doc: ConfigDocument, target: TargetProfile): ExecdView {
  const blocks = responseBlocks(doc);
  const view: ExecdView = {};
  for (const block of blocks) {
    const first = fieldsNamed(block, 'disabled')[0];
    if (first) {
      view.disabled = { block, child: first };
      break;
    }
  }
  // Wazuh's execd takes the first block that has the element; OSSEC looks at the first block only (§13).
  const candidates = target.product === 'ossec' ? blocks.slice(0, 1) : blocks;
  for (const block of candidates) {
    const child = fieldsNamed(block, 'repeated_offenders')[0];
    if (child) {
      view.offenders = { block, child, minutes: offenderMinutes(child.value) };
      break;
    }
  }
  return view;
}

/**
 * `OS_StrBreak(',', value, 5)` then `atoi` on each piece after its leading blanks: at most five entries
 * (the fifth takes the rest of the text), and a 0 (or non-numeric) entry ends the list.
 */
export function offenderMinutes(value: string): number[] {
  const pieces = value.split(',');
  const five = pieces.length > 5 ? [...pieces.slice(0, 4), pieces.slice(4).join(',')] : pieces;
  const minutes: number[] = [];
  for (const piece of five) {
    const n = atoi(piece.replace(/^[ \t]+/, ''));
    if (n === 0) break;
    minutes.push(n);
  }
  return minutes;
}
