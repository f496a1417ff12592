import { describe, expect, it } from 'vitest';
import { compileOsMatch, osMatch } from './os-match';

const matches = (pattern: string, text: string, negation = true) =>
  osMatch(compileOsMatch(pattern, negation), text);

describe('OSMatch', () => {
  it('searches each alternative anywhere, at the start, at the end or as the whole text, ignoring case', () => {
    expect(matches('db8', '2001:DB8::1')).toBe(true);
    expect(matches('^10.0', '10.0.0.1')).toBe(true);
    expect(matches('^10.0', '110.0.0.1')).toBe(false);
    expect(matches('.1$', '10.0.0.1')).toBe(true);
    expect(matches('^localhost.localdomain$', '127.0.0.1')).toBe(false);
    expect(matches('^localhost.localdomain$', 'LOCALHOST.localdomain')).toBe(true);
    expect(matches('a|10.0', '10.0.0.1')).toBe(true);
  });

  it('matches everything with an empty alternative, and reads a leading ! as "not" where the version does', () => {
    expect(matches('', '203.0.113.7')).toBe(true);
    expect(matches('x||y', '203.0.113.7')).toBe(true);
    expect(compileOsMatch('a||b', true).matchesEverything).toBe(true);
    expect(matches('!10.0.0.1', '203.0.113.7')).toBe(true);
    expect(matches('!10.0.0.1', '10.0.0.1')).toBe(false);
    expect(matches('!10.0.0.1', '203.0.113.7', false)).toBe(false);
  });
});
