import { forEachDiagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { XmlView } from './xml-view';

afterEach(cleanup);

/** The editor lives in the view's shadow root (see XmlView). */
function editorRoot(container: HTMLElement): ShadowRoot {
  const root = container.querySelector('[data-testid="xml-view"]')?.shadowRoot;
  if (!root) throw new Error('no shadow root');
  return root;
}

describe('XmlView', () => {
  it('shows the text, names the editor, and does not echo text that came from the store', async () => {
    const onChange = vi.fn();
    const props = { onChange, highlight: null, marks: [], reveal: null, dark: false, changed: [] };
    const { container, rerender } = render(<XmlView text="<command/>" {...props} />);
    const content = editorRoot(container).querySelector('.cm-content');
    expect(content?.getAttribute('aria-label')).toMatch(/XML/);
    expect(content?.textContent).toContain('<command/>');
    rerender(<XmlView text="<command></command>" {...props} />);
    await waitFor(() =>
      expect(editorRoot(container).querySelector('.cm-content')?.textContent).toContain('</command>'),
    );
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('XmlView on a file with CRLF line breaks', () => {
  const text = '<ossec_config>\r\n  <command>\r\n    <name>a</name>\r\n  </command>\r\n</ossec_config>\r\n';
  const editorOf = (container: HTMLElement): EditorView => {
    const element = editorRoot(container).querySelector('.cm-editor');
    const view = element && EditorView.findFromDOM(element as HTMLElement);
    if (!view) throw new Error('no editor');
    return view;
  };

  it('puts marks and the highlight at the document’s offsets', () => {
    const name = text.indexOf('<name>');
    const { container } = render(
      <XmlView
        text={text}
        onChange={vi.fn()}
        highlight={{ from: text.indexOf('  <command>') + 2, to: text.indexOf('</command>') + 10 }}
        marks={[{ from: name, to: name + 6, severity: 'warning', message: 'here' }]}
        reveal={null}
        dark={false}
        changed={[]}
      />,
    );
    const view = editorOf(container);
    const found: string[] = [];
    forEachDiagnostic(view.state, (_d, from, to) => found.push(view.state.sliceDoc(from, to)));
    expect(found).toEqual(['<name>']);
    const highlighted = [...editorRoot(container).querySelectorAll('.cm-selected-block')].map(
      (l) => l.textContent,
    );
    expect(highlighted).toEqual(['  <command>', '    <name>a</name>', '  </command>']);
  });

  it('changes only the typed characters and keeps every CRLF', () => {
    const onChange = vi.fn();
    const { container } = render(
      <XmlView
        text={text}
        onChange={onChange}
        highlight={null}
        marks={[]}
        reveal={null}
        dark={false}
        changed={[]}
      />,
    );
    const view = editorOf(container);
    const at = view.state.doc.toString().indexOf('a</name>');
    view.dispatch({ changes: { from: at, to: at + 1, insert: 'b' } });
    expect(onChange).toHaveBeenLastCalledWith(text.replace('>a<', '>b<'));
    const end = view.state.doc.toString().indexOf('</name>') + 7;
    view.dispatch({ changes: { from: end, insert: '\n    <executable>x</executable>' } });
    expect(onChange).toHaveBeenLastCalledWith(
      text.replace('>a</name>', '>b</name>\r\n    <executable>x</executable>'),
    );
  });
});
