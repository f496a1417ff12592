import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

const templateEntry = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  mode: z.enum(['stateful', 'stateless']),
  documented: z.string(),
  corrected: z.string(),
  defects: z.array(z.string()),
  corrections: z.array(z.string()),
});

/** A script scaffold: which contract it follows is what it works with. */
const scriptEntry = z.object({
  id: z.string(),
  title: z.string(),
  file: z.string(),
  language: z.enum(['bash', 'python']),
  worksWith: z.string(),
  summary: z.string(),
});

const templateIndex = z.object({
  version: z.literal(1),
  source: z.string(),
  correctedFor: z.string(),
  templates: z.array(templateEntry),
  stock5: z.object({
    id: z.string(),
    title: z.string(),
    file: z.string(),
    worksWith: z.string(),
    summary: z.string(),
  }),
  scripts: z.array(scriptEntry),
});

export type TemplateEntry = z.infer<typeof templateEntry>;
export type ScriptEntry = z.infer<typeof scriptEntry>;
export type TemplateIndex = z.infer<typeof templateIndex>;

// File names come from our own index, but they still must not climb out of the templates folder.
const SAFE_FILE = /^[A-Za-z0-9_.-]+\.(xml|sh|py|json)$/;

async function fetchText(path: string): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL}templates/${path}`);
  if (!response.ok) throw new Error(`Could not load templates/${path} (HTTP ${response.status}).`);
  return response.text();
}

export function templateIndexQuery() {
  return queryOptions({
    queryKey: ['templates', 'index'],
    queryFn: async () => templateIndex.parse(JSON.parse(await fetchText('index.json'))),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function templateFileQuery(file: string) {
  return queryOptions({
    queryKey: ['templates', 'file', file],
    queryFn: () => {
      if (!SAFE_FILE.test(file)) throw new Error(`Refusing template file name '${file}'.`);
      return fetchText(file);
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
