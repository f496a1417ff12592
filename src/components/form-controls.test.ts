import { describe, expect, it } from 'vitest';
import { SUGGESTIONS_SHOWN, suggestionsFor } from './form-controls';

describe('suggestionsFor', () => {
  const commands = Array.from({ length: 5_000 }, (_, i) => `firewall-drop-${i}`);

  it('offers the first suggestions, not thousands', () => {
    expect(suggestionsFor(commands, '')).toEqual(commands.slice(0, SUGGESTIONS_SHOWN));
  });

  it('offers those that contain the typed text, in any case', () => {
    expect(suggestionsFor(commands, 'DROP-4999')).toEqual(['firewall-drop-4999']);
    expect(suggestionsFor(['host-deny', 'firewall-drop'], 'deny')).toEqual(['host-deny']);
  });
});
