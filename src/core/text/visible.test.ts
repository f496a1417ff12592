import { describe, expect, it } from 'vitest';
import { showControls } from './visible';

describe('showControls', () => {
  it('turns terminal escapes, line breaks and bidi overrides into visible escapes', () => {
    expect(showControls('a\u001b[2Kb')).toBe('a\\x1b[2Kb');
    expect(showControls('x\r\ny\t')).toBe('x\\x0d\\x0ay\\x09');
    expect(showControls('deny\u202Egnp.exe')).toBe('deny\\u202egnp.exe');
    expect(showControls('\u009b\u007f\u200b')).toBe('\\x9b\\x7f\\u200b');
  });

  it('leaves ordinary text, accents and other scripts alone', () => {
    const text = 'firewall-drop – déjà vu 日本 <level>10</level> "q" \\';
    expect(showControls(text)).toBe(text);
  });
});
