import { defineConfig } from '@playwright/test';

// Several checkouts on one machine can run their e2e tests at once, each on its own port.
const port = Number(process.env.E2E_PORT ?? 4173);
const address = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  // Two browsers at once: the tests wait on the page more than they use a core.
  workers: 2,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: address,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: address,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
