import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VisibleText } from './visible-text';

afterEach(cleanup);

describe('VisibleText', () => {
  it('spells out a bidi override, marked and named, in a left-to-right isolate', () => {
    const { container } = render(<VisibleText text={'deny\u202Egnp.exe'} />);
    const isolate = container.querySelector('bdi') as HTMLElement;
    expect(isolate.getAttribute('dir')).toBe('ltr');
    expect(isolate.textContent).toBe('deny⟨U+202E⟩gnp.exe');
    const mark = screen.getByTitle('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(mark.textContent).toBe('⟨U+202E⟩');
  });

  it('leaves visible text as it is, other scripts included', () => {
    const { container } = render(<VisibleText text="café 防火墙 שלום" />);
    expect(container.textContent).toBe('café 防火墙 שלום');
    expect(container.querySelector('[title]')).toBeNull();
  });
});
