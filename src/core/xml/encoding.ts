/**
 * Bytes ↔ text without losing a byte. UTF-8 is the norm; a file that is not valid UTF-8 is read as
 * Latin-1, which maps every byte to one character and back, so its export is still byte for byte.
 */

import type { TextEncoding } from '../model/types';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Why the bytes were not read as UTF-8, for the user. */
  problem?: string;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: latin1(bytes),
      encoding: 'latin1',
      problem:
        'The file is UTF-16 (it starts with a UTF-16 byte order mark). The OSSEC/Wazuh reader expects UTF-8 or ASCII; save it as UTF-8.',
    };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    return {
      text: latin1(bytes),
      encoding: 'latin1',
      problem: 'The file is not valid UTF-8; it was read as Latin-1 so that every byte is kept.',
    };
  }
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    text += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return text;
}

export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A character typed into a Latin-1 document that Latin-1 cannot hold is written as '?'.
    bytes[i] = code < 256 ? code : 63;
  }
  return bytes;
}
