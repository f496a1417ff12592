/**
 * The lines analysisd appends to `etc/shared/ar.conf` for the file's own responses (reference §5.9, §13),
 * formatted as the daemon does: `snprintf(name, OS_FLSIZE, "%s%d")` then `"%s - %s - %d\n"`.
 */

import type { ConfigDocument } from '../model/types';
import type { RoleOption } from '../targets/role';
import { type TargetProfile, toProfile } from '../targets/target';
import { analysisdReadsResponses, emulateAnalysisd, type ResponseModel } from './analysisd';

/** `OS_FLSIZE` is 256: snprintf keeps at most 255 bytes of the key, so a long name loses its timeout. */
const KEY_BYTES = 255;

function truncateBytes(text: string, bytes: number): string {
  // A UTF-16 code unit takes at most 3 bytes in UTF-8: a short text needs no encoding to know it fits.
  if (text.length * 3 <= bytes) return text;
  const encoded = new TextEncoder().encode(text);
  if (encoded.length <= bytes) return text;
  return new TextDecoder().decode(encoded.slice(0, bytes)).replace(/\uFFFD$/, '');
}

/** The ar.conf key agents and `agent_control -f` know the response by, e.g. `firewall-drop600`. */
export function arConfKey(commandName: string, timeout: number): string {
  return truncateBytes(`${commandName}${timeout}`, KEY_BYTES);
}

/** The ar.conf key one accepted response adds, or `undefined` when it adds none. */
export function arConfKeyOf(response: ResponseModel): string | undefined {
  if (response.outcome !== 'accepted' || !response.resolved) return undefined;
  return arConfKey(response.resolved.name ?? '', response.effectiveTimeout);
}

/** The ar.conf key and line one accepted response adds, or `undefined` when it adds none. */
export function arConfEntry(response: ResponseModel): { key: string; line: string } | undefined {
  const key = arConfKeyOf(response);
  if (key === undefined) return undefined;
  const timeout = response.effectiveTimeout;
  return { key, line: `${key} - ${response.resolved?.executable ?? ''} - ${timeout}` };
}

/** The line one accepted response adds, or `undefined` when it adds none. */
export function arConfLine(response: ResponseModel): string | undefined {
  return arConfEntry(response)?.line;
}

/** The first response that adds each ar.conf key, in document order: the entry agents keep. */
export function firstByArConfKey(responses: readonly ResponseModel[]): Map<string, ResponseModel> {
  const first = new Map<string, ResponseModel>();
  for (const r of responses) {
    const key = arConfKeyOf(r);
    if (key !== undefined && !first.has(key)) first.set(key, r);
  }
  return first;
}

/**
 * The ar.conf lines this file adds (not the built-in restart lines), in document order. Responses that
 * analysisd refuses are left out, so a refused file still shows what its valid blocks would write; an
 * agent's file adds nothing, because analysisd never reads it.
 */
export function arConfLines(
  doc: ConfigDocument,
  target: TargetProfile | string,
  role: RoleOption = 'auto',
): string[] {
  const profile = toProfile(target);
  if (!analysisdReadsResponses(doc, profile, role)) return [];
  const model = emulateAnalysisd(doc, profile);
  return model.responses.map(arConfLine).filter((line): line is string => line !== undefined);
}
