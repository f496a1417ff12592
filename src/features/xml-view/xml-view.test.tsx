import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { minimalChange, XmlView } from './xml-view';

afterEach(cleanup);

describe('minimalChange', () => {
  it('replaces only the part that differs', () => {
    expect(minimalChange('<a>600</a>', '<a>700</a>')).toEqual({ from: 3, to: 4, insert: '7' });
    expect(minimalChange('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(minimalChange('xyz', '')).toEqual({ from: 0, to: 3, insert: '' });
    const long = 'a'.repeat(5000);
    expect(minimalChange(`${long}X${long}`, `${long}YZ${long}`)).toEqual({
      from: 5000,
      to: 5001,
      insert: 'YZ',
    });
    expect(minimalChange(long + long, long)).toEqual({ from: 5000, to: 10000, insert: '' });
  });
});

describe('XmlView', () => {
  it('shows the text, names the editor, and does not echo text that came from the store', async () => {
    const onChange = vi.fn();
    const props = { onChange, highlight: null, marks: [], reveal: null, dark: false, changed: [] };
    const { container, rerender } = render(<XmlView text="<command/>" {...props} />);
    const content = container.querySelector('.cm-content');
    expect(content?.getAttribute('aria-label')).toMatch(/XML/);
    expect(content?.textContent).toContain('<command/>');
    rerender(<XmlView text="<command></command>" {...props} />);
    await waitFor(() => expect(container.querySelector('.cm-content')?.textContent).toContain('</command>'));
    expect(onChange).not.toHaveBeenCalled();
  });
});
