import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const CORPUS = {
  wazuh: resolve(process.cwd(), '../shared/corpus/wazuh-4.14.7-manager-ossec-server.conf'),
  /** A real admin's Wazuh 4.x manager file with live responses and timeouts. */
  wazuhWithResponses: resolve(
    process.cwd(),
    '../shared/corpus/community/NS-Projects-Unina-Blue_Vs_Red_1-wazuh_manager.conf',
  ),
  ossec: resolve(process.cwd(), '../shared/corpus/ossec-3.7.0-server-ossec-server.conf'),
  docker: resolve(process.cwd(), '../shared/corpus/wazuh-docker-4.9.2-single-node-wazuh_manager.conf'),
};

/** Console errors and warnings, page errors and failed requests: each one fails the test that saw it. */
export function watchForFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      failures.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => failures.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return failures;
}

/** The browser database the page keeps its drafts in (src/app/drafts/draft-db.ts). */
export const DRAFTS_DB = 'ar-studio';

/** A fresh page: no draft, the given theme. */
export async function openFresh(page: Page, theme: 'light' | 'dark' = 'light'): Promise<void> {
  await prepareFresh(page, theme);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'AR Studio' })).toBeVisible();
  await expect(page.locator('.cm-content')).toBeVisible();
}

/**
 * What `openFresh` does before it loads the page: no draft, the given theme, CSP violations reported as
 * console errors. For tests that load the page themselves (and may not wait for the XML editor).
 */
export async function prepareFresh(page: Page, theme: 'light' | 'dark' = 'light'): Promise<void> {
  // Every test runs under the server's Content-Security-Policy; a violation fails it (watchForFailures).
  await page.addInitScript(() => {
    type Violation = {
      violatedDirective: string;
      blockedURI: string;
      sourceFile: string;
      lineNumber: number;
    };
    const doc = (
      globalThis as unknown as { document: { addEventListener(t: string, f: (e: Violation) => void): void } }
    ).document;
    doc.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  // Runs in the browser before each load; the flag survives reloads, so a reload keeps the draft. The
  // database is deleted before the page's own scripts run, and IndexedDB serves their open after it.
  await page.addInitScript(
    ({ t, db }) => {
      type Store = { getItem(k: string): string | null; setItem(k: string, v: string): void; clear(): void };
      const { localStorage, sessionStorage, indexedDB } = globalThis as unknown as {
        localStorage: Store;
        sessionStorage: Store;
        indexedDB: { deleteDatabase(name: string): unknown };
      };
      if (!sessionStorage.getItem('e2e-started')) {
        localStorage.clear();
        indexedDB.deleteDatabase(db);
        localStorage.setItem('ar-studio:theme', t);
        sessionStorage.setItem('e2e-started', '1');
      }
    },
    { t: theme, db: DRAFTS_DB },
  );
}

/** The XML view's text as it displays it: its rendered lines (every line of a small document is rendered). */
export async function xmlText(page: Page): Promise<string> {
  return page
    .locator('.cm-content .cm-line')
    .evaluateAll((lines) => lines.map((l) => l.textContent ?? '').join('\n'));
}

/** Imports a file: opened as the document (a whole file), or its blocks added to the document. */
export async function importFile(
  page: Page,
  path: string,
  as: 'document' | 'blocks' = 'document',
): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('A file').click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page
    .getByRole('button', {
      name: as === 'document' ? 'Open as the document' : 'Add its blocks to this document',
    })
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Drops a file on the page, as dragging it from the desktop does. */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      // The e2e config has no DOM lib; these are the browser's own classes.
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string) => unknown;
        DragEvent: new (type: string, init: object) => unknown;
        document: { body: { dispatchEvent(event: unknown): void } };
      };
      const data = new g.DataTransfer();
      data.items.add(new g.File([text], name));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        g.document.body.dispatchEvent(
          new g.DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    { name, text },
  );
}

export async function insertTemplate(
  page: Page,
  id: string,
  variant: 'as documented' | 'corrected',
): Promise<void> {
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('button', { name: `Insert ${id} ${variant}` }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Axe over the page, or over the open modal dialog alone: behind a modal everything is inert, so unreachable. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const modal = (await page.locator('dialog[open]').count()) > 0;
  const builder = new AxeBuilder({ page });
  const results = await (modal ? builder.include('dialog[open]') : builder).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/**
 * The text of the draft as the page last stored it (null before its first save). Polled by tests that
 * reload, so they wait for the save itself rather than for a guessed delay. Call it only once the page has
 * loaded: the page creates the database.
 */
export async function storedDraftText(page: Page): Promise<string | null> {
  return page.evaluate(
    (name) =>
      new Promise<string | null>((resolve, reject) => {
        type Request<T> = { result: T; error: unknown; onsuccess: () => void; onerror: () => void };
        type Store = { get(key: string): Request<unknown> };
        type Db = { transaction(store: string): { objectStore(store: string): Store }; close(): void };
        const { indexedDB } = globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } };
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('drafts').objectStore('drafts');
          const meta = store.get('draft') as Request<{ present: { id: number } } | undefined>;
          meta.onerror = () => reject(meta.error);
          meta.onsuccess = () => {
            if (!meta.result) {
              db.close();
              resolve(null);
              return;
            }
            const present = store.get(`snapshot:${meta.result.present.id}`) as Request<
              { text?: string } | undefined
            >;
            present.onerror = () => reject(present.error);
            present.onsuccess = () => {
              db.close();
              resolve(present.result?.text ?? null);
            };
          };
        };
      }),
    DRAFTS_DB,
  );
}

/** The whole document as the Export menu downloads it. */
export async function downloadWhole(page: Page): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download ossec\.conf/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ossec.conf');
  return readFileSync(await file.path());
}
