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
      view.offenders = { block, child, minutes: readOffenders(child.value, target).minutes };
      break;
    }
  }
  return view;
}

export interface OffendersReading {
  /** The minutes execd uses: its table up to the first 0. */
  minutes: number[];
  /** Every value execd stored (at most 5), zeros included. */
  stored: number[];
  /** The text had more than five pieces, so the fifth holds the rest. */
  merged: boolean;
}

/**
 * `OS_StrBreak(',', value, 5)` then, for each piece, blanks skipped, an empty piece skipped and `atoi` of
 * the rest. Wazuh 4.0+ keeps a `\,` inside a piece.
 */
export function readOffenders(value: string, target: TargetProfile): OffendersReading {
  const escapes = target.offendersCommaEscape;
  const pieces: string[] = [];
  let piece = '';
  let merged = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === ',' && pieces.length === 4) merged = true;
    if (ch === ',' && pieces.length < 4) {
      if (escapes && piece.endsWith('\\')) {
        piece = `${piece.slice(0, -1)},`;
        continue;
      }
      pieces.push(piece);
      piece = '';
      continue;
    }
    piece += ch;
  }
  pieces.push(piece);
  const stored: number[] = [];
  for (const p of pieces) {
    const rest = p.replace(/^[ \t]+/, '');
    if (rest === '') continue;
    stored.push(atoi(rest));
  }
  const zero = stored.indexOf(0);
  return {
    minutes: zero === -1 ? stored : stored.slice(0, zero),
    stored,
    merged,
  };
}
