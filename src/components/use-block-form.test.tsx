import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBlockForm } from './use-block-form';

afterEach(cleanup);

const elements = ['name', 'timeout'] as const;

describe('useBlockForm', () => {
  it('writes values the dialect can carry, exactly as typed', () => {
    const onSet = vi.fn();
    const { result } = renderHook(() => useBlockForm(elements, { name: 'a' }, onSet));
    act(() => result.current.change('name', ' host-deny '));
    expect(onSet).toHaveBeenCalledWith('name', ' host-deny ');
  });

  it('refuses a value with < and explains why', async () => {
    const onSet = vi.fn();
    const { result } = renderHook(() => useBlockForm(elements, { name: 'a' }, onSet));
    await act(async () => result.current.change('name', 'a<b'));
    expect(onSet).not.toHaveBeenCalled();
    expect(result.current.form.getFieldState('name').error?.message).toMatch(/</);
  });

  it('refuses what the file encoding cannot hold, in the words of the document API', async () => {
    const onSet = vi.fn();
    const { result } = renderHook(() => useBlockForm(elements, { name: 'a' }, onSet, 'latin1'));
    await act(async () => result.current.change('name', 'a\u2010b'));
    expect(onSet).not.toHaveBeenCalled();
    expect(result.current.form.getFieldState('name').error?.message).toBe(
      "This file is Latin-1, which has no '\u2010' U+2010: it would be saved as '?'.",
    );
    await act(async () => result.current.change('name', 'caf\u00e9'));
    expect(onSet).toHaveBeenCalledWith('name', 'caf\u00e9');
  });

  it('follows the document when it changes underneath, field by field', () => {
    const onSet = vi.fn();
    const { result, rerender } = renderHook(({ values }) => useBlockForm(elements, values, onSet), {
      initialProps: { values: { name: 'a', timeout: '600' } as Record<string, string | undefined> },
    });
    act(() => result.current.form.setValue('name', 'typing<'));
    rerender({ values: { name: 'a', timeout: '700' } });
    expect(result.current.form.getValues()).toEqual({ name: 'typing<', timeout: '700' });
    rerender({ values: { name: 'b', timeout: undefined } });
    expect(result.current.form.getValues()).toEqual({ name: 'b', timeout: '' });
  });
});
