import { describe, expect, it } from 'vitest';
import { countTags } from './floor-scan';
import { generateConfig } from './generate';

describe('countTags', () => {
  it('counts opening, closing, self-closing tags, comments and declarations', () => {
    expect(countTags('<?xml version="1.0"?><a><b/><!-- c --></a>')).toBe(5);
  });

  it('counts nothing in text without a closed tag', () => {
    expect(countTags('')).toBe(0);
    expect(countTags('plain > text < open')).toBe(0);
  });

  it('counts every tag of a generated file', () => {
    const text = generateConfig(10);
    expect(countTags(text)).toBe(text.match(/<[^>]*>/g)?.length);
  });
});
