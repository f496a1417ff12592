import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateGallery } from './template-gallery';

afterEach(cleanup);

const index = {
  version: 1,
  source: 'docs',
  correctedFor: 'wazuh@4.14',
  templates: [
    {
      id: 'host-deny',
      title: 'Deny a host',
      summary: 'Adds the IP to hosts.deny.',
      mode: 'stateful',
      documented: 'host-deny.xml',
      corrected: 'host-deny.corrected.xml',
      defects: ['host-deny.sh is not shipped'],
      corrections: ['Executable host-deny'],
    },
  ],
};

function setup() {
  const fetchMock = vi.fn(async (url: string) => {
    if (url.endsWith('index.json')) return new Response(JSON.stringify(index));
    if (url.endsWith('host-deny.xml')) return new Response('<command>documented</command>\n');
    if (url.endsWith('host-deny.corrected.xml')) return new Response('<command>corrected</command>\n');
    return new Response('missing', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const onInsert = vi.fn();
  const onInsertStock = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <TemplateGallery
        open
        onClose={vi.fn()}
        onInsert={onInsert}
        targetLabel="Wazuh 4.14"
        stockCommands={[{ name: 'firewall-drop', executable: 'firewall-drop', timeoutAllowed: true }]}
        onInsertStock={onInsertStock}
      />
    </QueryClientProvider>,
  );
  return { onInsert, onInsertStock, fetchMock };
}

describe('TemplateGallery', () => {
  it('lists the templates with what is wrong with them, and inserts either version', async () => {
    const { onInsert, onInsertStock } = setup();
    expect(await screen.findByText('host-deny.sh is not shipped')).toBeTruthy();
    expect(await screen.findByText(/<command>documented/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Insert host-deny corrected' }));
    await waitFor(() =>
      expect(onInsert).toHaveBeenCalledWith('<command>corrected</command>\n', 'Insert host-deny (corrected)'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Insert host-deny as documented' }));
    await waitFor(() =>
      expect(onInsert).toHaveBeenLastCalledWith('<command>documented</command>\n', expect.any(String)),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Insert stock command firewall-drop' }));
    expect(onInsertStock).toHaveBeenCalledWith(expect.objectContaining({ name: 'firewall-drop' }));
  });
});
