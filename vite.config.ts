/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP_META, SECURITY_HEADERS } from './build/security-headers.ts';

/** The built page carries the same policy the server sends (build/security-headers.ts). */
const cspMeta: Plugin = {
  name: 'ar-studio-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<!-- content-security-policy -->', CSP_META),
};

// sax (pulled in by xml-js) requires 'stream' only for SAXStream, which xml-js never uses.
const streamStub = fileURLToPath(new URL('./src/stream-stub.ts', import.meta.url));

/** The page needs xml-js's printer only; its reader would bring sax into the first load. */
const xmlJsPrinter = fileURLToPath(new URL('./src/xml-js-printer.ts', import.meta.url));
const xmlJsPrinterOnly: Plugin = {
  name: 'ar-studio-xml-js-printer',
  apply: 'build',
  enforce: 'pre',
  resolveId: (source) => (source === 'xml-js' ? xmlJsPrinter : null),
};

/** The XML editor's module: requested from index.html beside the page's own, so both load at once. */
const XML_EDITOR = /[\\/]src[\\/]features[\\/]xml-view[\\/]xml-view\.tsx$/;
const preloadXmlEditor: Plugin = {
  name: 'ar-studio-preload-xml-editor',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, context) {
      const editor = Object.values(context.bundle ?? {}).find(
        (chunk) =>
          chunk.type === 'chunk' && chunk.facadeModuleId !== null && XML_EDITOR.test(chunk.facadeModuleId),
      );
      if (!editor) throw new Error('The build has no XML editor chunk to preload.');
      return [
        {
          tag: 'link',
          attrs: {
            rel: 'modulepreload',
            crossorigin: true,
            href: `/${editor.fileName}`,
            'data-xml-editor': true,
          },
          injectTo: 'head',
        },
      ];
    },
  },
};

export default defineConfig({
  plugins: [react(), tailwindcss(), cspMeta, xmlJsPrinterOnly, preloadXmlEditor],
  resolve: { alias: [{ find: /^stream$/, replacement: streamStub }] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  build: {
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The core has no import-time effects: what a lazily loaded part (simulator, dialogs) alone uses of it
      // stays in that part's chunk instead of riding along with the core's entry into the first load.
      treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]core[\\/]/, sideEffects: false }] },
      output: {
        codeSplitting: {
          // What the first load needs, in one file: one request, and one compression context.
          groups: [{ name: 'app', tags: ['$initial'] }],
        },
      },
    },
  },
  test: {
    // On a busy 2-core machine a test can take many times its idle time; the heaviest set their own limits.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['src/core/**/*.test.ts', 'src/cli/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/core/**', 'src/cli/**'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
