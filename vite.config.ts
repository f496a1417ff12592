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

export default defineConfig({
  plugins: [react(), tailwindcss(), cspMeta],
  resolve: { alias: [{ find: /^stream$/, replacement: streamStub }] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  build: { chunkSizeWarningLimit: 1200 },
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
