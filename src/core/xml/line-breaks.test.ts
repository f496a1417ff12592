import { describe, expect, it } from 'vitest';
import { withoutFinalLineBreaks } from './line-breaks';

describe('withoutFinalLineBreaks', () => {
  it('takes off the LF and CRLF line breaks at the end, and nothing else', () => {
    expect(withoutFinalLineBreaks('a\n\r\n\n')).toBe('a');
    expect(withoutFinalLineBreaks('a\r\r\n')).toBe('a\r');
    expect(withoutFinalLineBreaks('a\n\r')).toBe('a\n\r');
    expect(withoutFinalLineBreaks('\n\n')).toBe('');
    expect(withoutFinalLineBreaks('a \n')).toBe('a ');
  });

  it('keeps a run of line breaks that does not end the text', () => {
    expect(withoutFinalLineBreaks(`${'\n'.repeat(1000)}x`)).toHaveLength(1001);
  });
});
