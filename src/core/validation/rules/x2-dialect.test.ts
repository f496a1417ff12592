import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters } from '../../text/invisible-characters';
import { command, conf, findings, response } from '../testing';

describe('X2 dialect', () => {
  it('warns on entities, which the daemon never decodes', () => {
    const text = conf(command({ name: 'a', executable: 'run.sh', extra_args: '-x &amp;&amp; y' }));
    expect(findings('X2', text)).toMatchObject([{ severity: 'warning', field: 'extra_args' }]);
  });

  it('warns on look-alike non-ASCII characters (the U+2010 hyphen of the seed)', () => {
    const text = conf(command({ name: 'win_route\u2010null', executable: 'route-null.exe' }));
    expect(findings('X2', text)[0].message).toContain('U+2010');
  });

  it('names hidden characters without showing them, so the warning reads left to right', () => {
    const text = conf(
      command({ name: 'deny', executable: 'deny\u202Egnp.exe' }),
      command({ name: 'a\u001b[2K', executable: 'a.sh' }),
    );
    const [bidi, control] = findings('X2', text);
    expect(bidi.message).toBe(
      '<executable> holds the hidden character U+202E RIGHT-TO-LEFT OVERRIDE: it does not show, so the value does not read as it looks, and a look-alike never matches.',
    );
    expect(control.message).toContain('U+001B ESCAPE');
    for (const d of [bidi, control]) expect(hasHiddenCharacters(d.message)).toBe(false);
    expect(findings('X2', conf(command({ name: 'a', executable: 'a.sh', extra_args: 'x\ty' })))).toEqual([]);
  });

  it('passes on CDATA and DOCTYPE problems found by the reader', () => {
    const text = conf('<!DOCTYPE x !>', response({ command: 'a', location: 'local', rules_id: '1' }));
    expect(findings('X2', text).map((d) => d.severity)).toEqual(['warning']);
  });

  it('does not fire on plain ASCII values', () => {
    expect(findings('X2', conf(command({ name: 'a', executable: 'a.sh' })))).toEqual([]);
  });
});
