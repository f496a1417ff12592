import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TemplateGallery, type TemplateGalleryProps } from './template-gallery';

/**
 * The templates are the page's only asynchronous data, so TanStack Query loads with the gallery rather
 * than with the page. One client for the page's lifetime: a gallery opened again shows what it fetched.
 */
const templateClient = new QueryClient();

export function TemplateGalleryPart(props: TemplateGalleryProps) {
  return (
    <QueryClientProvider client={templateClient}>
      <TemplateGallery {...props} />
    </QueryClientProvider>
  );
}
