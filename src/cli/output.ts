import { escapeForTerminal, terminalSafeJson } from '../core';
import type { CliIo } from './io';

/*
 * Every line the CLI prints goes through here, so no value from a file (a name, a message quoting one, a
 * file name) reaches the terminal raw: text output shows hidden characters as escapes (`\x1b`, `\u202e`)
 * and JSON carries them as `\u` escapes. A file cannot erase its own error line or print a fake result.
 */

/** One line of text output. */
export function printLine(io: CliIo, text: string): void {
  io.stdout(`${escapeForTerminal(text)}\n`);
}

/** A JSON document, on one output. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${terminalSafeJson(value)}\n`);
}

/** A message on stderr: an error, or a `note: …` that does not change the exit status. */
export function printMessage(io: CliIo, text: string): void {
  io.stderr(`ar-studio: ${escapeForTerminal(text)}\n`);
}
