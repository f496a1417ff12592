import { writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { generateConfig } from '../bench/generate';
import { expectNoAxeViolations, importFile, openFresh, watchForFailures } from './support';

/** Opening, checking and simulating 10,000 blocks takes seconds on a busy 2-core machine. */
const SLOW = { timeout: 60_000 };
/** Before the lists were virtualised a 10,000-block file made ~140,000 elements; every row was rendered. */
const MOST_ELEMENTS = 5_000;

const blocks = (page: Page) => page.getByRole('listbox', { name: /Blocks/ });
const elementCount = (page: Page) => page.locator('*').count();

/** Two frames: a scrolled virtual list has rendered the rows now in view. */
const rendered = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        const { requestAnimationFrame: frame } = globalThis as unknown as {
          requestAnimationFrame: (f: () => void) => void;
        };
        frame(() => frame(done));
      }),
  );

/** Scrolls the box a list scrolls in (its nearest ancestor with more content than room) to a fraction. */
async function scrollTo(page: Page, listName: string, fraction: number): Promise<void> {
  await page.getByRole('list', { name: listName }).evaluate((list, f) => {
    let box = list.parentElement;
    while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
    if (box) box.scrollTop = Math.round((box.scrollHeight - box.clientHeight) * f);
  }, fraction);
  await rendered(page);
}

/**
 * Finds the rendered rows of a virtual list in document order by bisection: `before` says whether the
 * rows now rendered come before the wanted one, `found` whether it is rendered.
 */
async function seek(
  page: Page,
  listName: string,
  from: number,
  before: () => Promise<boolean>,
  found: () => Promise<boolean>,
): Promise<void> {
  let low = from;
  let high = 1;
  for (let step = 0; step < 40 && high - low > 1e-6; step++) {
    const middle = (low + high) / 2;
    await scrollTo(page, listName, middle);
    if (await found()) return;
    if (await before()) low = middle;
    else high = middle;
  }
  throw new Error(`The wanted row of ${listName} was not found.`);
}

/** The pair number in the rendered problem groups' names (`Response firewall-drop-4500 · line …`). */
async function firstPair(page: Page): Promise<number> {
  const names = await page
    .getByRole('list', { name: 'Problems by block' })
    .locator('section[aria-label]')
    .evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label') ?? ''));
  return Number(/-(\d+) · line/.exec(names[0] ?? '')?.[1] ?? Number.NaN);
}

test('a 10,000-block file: few elements, the lists scroll, a problem far down selects its block and scrolls the list to it', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const failures = watchForFailures(page);
  const path = testInfo.outputPath('ten-thousand.conf');
  writeFileSync(path, generateConfig(10_000));
  await openFresh(page);
  await importFile(page, path);
  const options = blocks(page).getByRole('option');
  await expect(page.getByRole('heading', { name: /Blocks\s*10000/ })).toBeVisible(SLOW);
  await expect(options.first()).toHaveAttribute('aria-setsize', '10000', SLOW);
  await expect(page.getByRole('list', { name: 'Problems by block' })).toBeVisible(SLOW);
  await expect(page.getByRole('list', { name: 'Responses' })).toBeVisible(SLOW);

  const elements = await elementCount(page);
  testInfo.annotations.push({ type: 'elements at 10,000 blocks', description: String(elements) });
  expect(elements).toBeLessThan(MOST_ELEMENTS);

  // The block list scrolls to its last row.
  await blocks(page)
    .locator('xpath=..')
    .evaluate((box) => {
      box.scrollTop = box.scrollHeight;
    });
  await expect(blocks(page).locator('[aria-posinset="10000"]')).toBeInViewport();

  // Block 9,002 (index 9001, the response of pair 4500) has a hint far down the problems list, among the
  // hints in document order after the few warnings (a tenth of the list at most).
  const group = page.getByRole('region', { name: /^Response firewall-drop-4500 · line \d+$/ });
  await seek(
    page,
    'Problems by block',
    0.1,
    async () => (await firstPair(page)) < 4500,
    async () => (await group.count()) > 0,
  );
  await group.getByRole('button', { name: /has no <timeout>/ }).click();
  const selected = blocks(page).locator('[aria-selected="true"]');
  await expect(selected).toHaveAttribute('aria-posinset', '9002');
  await expect(selected).toBeInViewport();
  await expect(selected).toContainText('firewall-drop-4500');
  await expect(page.getByRole('region', { name: 'Block form' }).getByRole('textbox').first()).toBeVisible();

  // The arrows move on from there, Home goes to the first block, and the focus stays in the list.
  await selected.focus();
  await page.keyboard.press('ArrowDown');
  await expect(blocks(page).locator('[aria-selected="true"]')).toHaveAttribute('aria-posinset', '9003');
  await page.keyboard.press('Home');
  const first = blocks(page).locator('[aria-posinset="1"]');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  await page.keyboard.press('End');
  await expect(blocks(page).locator('[aria-posinset="10000"]')).toBeFocused();

  // The simulator's responses scroll too; rows come and go, the count of elements stays small.
  const lastResponse = page.getByRole('list', { name: 'Responses' }).locator('[aria-posinset="5000"]');
  await scrollTo(page, 'Responses', 1);
  await expect(lastResponse).toBeVisible();
  expect(await elementCount(page)).toBeLessThan(MOST_ELEMENTS);
  await expectNoAxeViolations(page);
  expect(failures).toEqual([]);
});
