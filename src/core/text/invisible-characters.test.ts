import { describe, expect, it } from 'vitest';
import {
  describeCharacter,
  escapeForTerminal,
  hasHiddenCharacters,
  revealHidden,
  terminalSafeJson,
  textPieces,
} from './invisible-characters';

describe('hidden characters', () => {
  it('spells out bidi overrides, controls, zero-width and odd spaces, and nothing visible', () => {
    expect(revealHidden('deny\u202Egnp.exe')).toBe('deny⟨U+202E⟩gnp.exe');
    expect(revealHidden('a\u200Bb\u00A0c\u2066d\uFEFFe\u0000f\u001Bg')).toBe(
      'a⟨U+200B⟩b⟨U+00A0⟩c⟨U+2066⟩d⟨U+FEFF⟩e⟨U+0000⟩f⟨U+001B⟩g',
    );
    expect(revealHidden('tab\there\nline')).toBe('tab⟨U+0009⟩here⟨U+000A⟩line');
    expect(revealHidden('\uDB40\uDC41 tag, \uFE0F selector, \uD800 lone')).toBe(
      '⟨U+E0041⟩ tag, ⟨U+FE0F⟩ selector, ⟨U+D800⟩ lone',
    );
    const visible = 'firewall-drop café 防火墙 שלום مرحبا ‐ – “x” C:\\tools\\ &amp; <>';
    expect(revealHidden(visible)).toBe(visible);
    expect(hasHiddenCharacters(visible)).toBe(false);
    expect(hasHiddenCharacters('a\u202Eb')).toBe(true);
  });

  it('cuts text into plain runs and named hidden characters', () => {
    expect(textPieces('deny\u202Egnp.exe')).toEqual([
      { kind: 'text', text: 'deny' },
      { kind: 'hidden', codePoint: 0x202e, label: '⟨U+202E⟩', name: 'RIGHT-TO-LEFT OVERRIDE' },
      { kind: 'text', text: 'gnp.exe' },
    ]);
    expect(textPieces('')).toEqual([{ kind: 'text', text: '' }]);
    expect(textPieces('\u200B')).toEqual([
      { kind: 'hidden', codePoint: 0x200b, label: '⟨U+200B⟩', name: 'ZERO WIDTH SPACE' },
    ]);
    expect(describeCharacter(0x202e)).toBe('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(describeCharacter(0xe0041)).toBe('U+E0041');
  });

  it('escapes for a terminal so a value cannot erase a line or fake one', () => {
    const attack = 'x\u001b[2K\r\u001b[32mall good\u001b[0m\n\u202Efdp.exe';
    const shown = escapeForTerminal(attack);
    expect(shown).toBe('x\\x1b[2K\\r\\x1b[32mall good\\x1b[0m\\n\\u202efdp.exe');
    expect(hasHiddenCharacters(shown)).toBe(false);
    expect(escapeForTerminal('\u0085\u009b\u007f\t\uDB40\uDC41')).toBe('\\x85\\x9b\\x7f\\t\\u{e0041}');
  });

  it('writes JSON with every hidden character as an escape, parsing back to the same data', () => {
    const data = { message: 'deny\u202Egnp.exe \u001b[2K \u2028 \uD800', n: 1 };
    const json = terminalSafeJson(data);
    expect(hasHiddenCharacters(json.replaceAll('\n', '').replaceAll(' ', ''))).toBe(false);
    expect(json).toContain('deny\\u202egnp.exe');
    expect(JSON.parse(json)).toEqual(data);
  });
});
