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
  const encoded = new TextEncoder().encode(text);
  if (encoded.length <= bytes) return text;
  return new TextDecoder().decode(encoded.slice(0, bytes)).replace(/\uFFFD$/, '');
}

/** The ar.conf key agents and `agent_control -f` know the response by, e.g. `firewall-drop600`. */
export function arConfKey(commandName: string, timeout: number): string {
  return truncateBytes(`${commandName}${timeout}`, KEY_BYTES);
}

/** The line one accepted response adds, or `undefined` when it adds none. */
export function arConfLine(response: ResponseModel): string | undefined {
  if (response.outcome !== 'accepted' || !response.resolved) return undefined;
  const { name = '', executable = '' } = response.resolved;
  const timeout = response.effectiveTimeout;
  return `${arConfKey(name, timeout)} - ${executable} - ${timeout}`;
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
