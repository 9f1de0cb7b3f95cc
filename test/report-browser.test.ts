// End to end in a real browser: the report built from a test database, opened from disk in headless Chromium
// (Debian's package, driven by playwright-core; no browser download). Screenshots go to a temporary folder, named
// on stderr (set PLANSIFT_SCREENSHOTS=DIR to keep them somewhere else); nothing is written into the repository.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportFiles } from '../src/report/command.js';
import { openStoreReadOnly } from '../src/store/db.js';
import { buildFixtureDb, type FixtureDb } from './export-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`report-browser: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

const OUTPUT = process.env.PLANSIFT_SCREENSHOTS || join(tmpdir(), `plansift-screenshots-${process.pid}`);

describe.skipIf(!haveChromium)('report in headless Chromium', () => {
  let fx: FixtureDb;
  let files: ReportFiles;
  let context: BrowserContext;
  let profile: string;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    fx = await buildFixtureDb();
    const db = await openStoreReadOnly(fx.dbFile);
    files = await buildReport(db, fx.dir, 'plansift.sqlite', new Date('2026-11-23T09:00:00Z'));
    await db.close();
    profile = mkdtempSync(join(tmpdir(), 'plansift-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    context.on('request', (r) => requests.push(r.url()));
    context.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    mkdirSync(OUTPUT, { recursive: true });
    if (haveChromium) console.warn(`report-browser: screenshots in ${OUTPUT}`);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  it('index lists every current plan with its status word, and removed documents apart', async () => {
    const page = await open(files.index);
    const rows = page.locator('#plans tbody tr');
    expect(await rows.count()).toBe(4);
    const text = await page.locator('#plans').innerText();
    for (const area of ['Leicester City Health and Well-being Board', 'Nottinghamshire Health and Wellbeing Board', 'Leicester Health and Wellbeing Board', '2015/encrypted-plan.pdf']) {
      expect(text).toContain(area);
    }
    const original = rows.filter({ hasText: 'Nottinghamshire' });
    expect(await original.locator('.rag').innerText()).toBe('Red');
    expect(await rows.filter({ hasText: 'Leicester Health and Wellbeing Board' }).locator('.rag').innerText()).toBe('Green');
    expect(await rows.filter({ hasText: 'Leicester City Health and Well-being Board' }).locator('.rag').innerText()).toBe('Amber');
    expect(await page.locator('#removed-plans').innerText()).toContain('Leicester City Health and Well-being Board (draft)');
    expect(await page.locator('#rag-rule').innerText()).toMatch(/Red: the file could not be read/);
    await page.screenshot({ path: join(OUTPUT, 'report-index.png'), fullPage: true });
    await page.close();
  });

  it('sorts the plans by pooled budget when its header is pressed', async () => {
    const page = await open(files.index);
    await page.getByRole('button', { name: 'Pooled budget' }).click();
    const areas = await page.locator('#plans tbody tr th').allInnerTexts();
    // ascending: £19,276,000 (revised 2014, 2015/16), £31,272,978 (2022/23), £48,316,000 (original 2014), then none
    expect(areas.map((a) => a.split('\n')[0])).toEqual([
      'Leicester City Health and Well-being Board', 'Leicester Health and Wellbeing Board', 'Nottinghamshire Health and Wellbeing Board', '2015/encrypted-plan.pdf',
    ]);
    expect(await page.locator('th', { hasText: 'Pooled budget' }).getAttribute('aria-sort')).toBe('ascending');
    await page.close();
  });

  it('a plan page shows every flag with section, page and quoted text, and plan text stays text', async () => {
    const page = await open(files.plans.get(fx.ids.originalPlan2014)!);
    const flagRows = page.locator('#flag-table tbody tr');
    expect(await flagRows.count()).toBe(4);
    const flags = await page.locator('#flag-table').innerText();
    expect(flags).toContain('UNSIGNED');
    expect(flags).toContain('plan_details.signoff');
    expect(flags).toContain('<name of signatory> <job title> <date>');
    expect(flags).toContain('<img src=x onerror="window.__xss=2">');
    expect(await page.locator('body').innerText()).toContain('<script>window.__xss = 1</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    await page.close();
  });

  it('a paged plan shows its flags with page numbers and the risk heat map', async () => {
    const page = await open(files.plans.get(fx.ids.revisedPlan2014)!);
    const mismatch = page.locator('#flag-table tbody tr', { hasText: 'RISK_SCORE_MISMATCH' });
    expect(await mismatch.locator('td').nth(3).innerText()).toBe('8');
    expect(await page.locator('svg.heatmap').count()).toBe(1);
    // three risks at likelihood 5, impact 4
    const cell = page.locator('table.heat-table tbody tr', { hasText: 'Likelihood 5' }).locator('td').nth(3);
    expect(await cell.innerText()).toBe('3');
    // The flag's page number opens that page of the source PDF: a relative link that resolves to the file on disk.
    const link = mismatch.locator('td').nth(3).locator('a');
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(`${pathToFileURL(join(fx.inputDir, '2014/leicester-city-bcf.pdf')).href}#page=8`);
    expect(existsSync(fileURLToPath(href))).toBe(true);
    expect(await page.locator('#source-link').evaluate((a) => (a as HTMLAnchorElement).href)).toBe(pathToFileURL(join(fx.inputDir, '2014/leicester-city-bcf.pdf')).href);
    await page.screenshot({ path: join(OUTPUT, 'report-plan.png'), fullPage: false });
    await page.screenshot({ path: join(OUTPUT, 'report-plan-full.png'), fullPage: true });
    await page.close();
  });

  it('compare page shows budgets without per-head figures, metric charts and risk themes', async () => {
    const page = await open(files.compare);
    expect(await page.locator('#budget').locator('xpath=following-sibling::div[1]').innerText()).toMatch(/no population source/);
    expect(await page.locator('svg.bars').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#themes-words').innerText()).toMatch(/\w/);
    await page.screenshot({ path: join(OUTPUT, 'report-compare.png'), fullPage: true });
    await page.close();
  });

  it('returns tracker: every HWB area of each round, submitted or not, counts at the top, sortable, printable', async () => {
    const page = await open(files.tracker);
    const r2015 = page.locator('#round-2015-16 tbody tr');
    expect(await r2015.count()).toBe(150);
    expect(await page.locator('#round-2015-16-counts').innerText()).toMatch(/^2 of 150 areas submitted; 1 red/);
    expect(await page.locator('#round-2022-23-counts').innerText()).toMatch(/^1 of 150 areas submitted; 0 red/);
    expect(await page.locator('#tracker-summary').innerText()).toMatch(/2015-16: 2 of 150 areas submitted; 1 red\s+2022-23: 1 of 150 areas submitted; 0 red/);
    const revised = r2015.filter({ has: page.locator('th', { hasText: /^Leicester City Council$/ }) });
    expect(await revised.locator('.rag').innerText()).toBe('Amber');
    expect(await revised.locator('a').getAttribute('href')).toBe(`plans/${fx.ids.revisedPlan2014}.html`);
    expect(await r2015.filter({ hasText: 'Nottinghamshire County Council' }).locator('.rag').innerText()).toBe('Red');
    expect(await r2015.filter({ hasText: 'Northamptonshire County Council' }).innerText()).toContain('No submission found');
    expect(await r2015.filter({ hasText: 'City of London' }).count()).toBe(0);
    // Sorting by status puts the red plan first, then amber, then the areas with no submission.
    await page.locator('#round-2015-16').getByRole('button', { name: 'Status' }).click();
    const areas = await page.locator('#round-2015-16 tbody tr th').allInnerTexts();
    expect(areas.slice(0, 2)).toEqual(['Nottinghamshire County Council', 'Leicester City Council']);
    // From the index: the navigation links to it.
    const index = await open(files.index);
    await index.getByRole('link', { name: 'Returns tracker' }).click();
    expect(index.url()).toBe(pathToFileURL(files.tracker).href);
    await index.close();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('#round-2015-16').isVisible()).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'report-tracker.png'), fullPage: false });
    await page.close();
  });

  it('loaded nothing but the report files and raised no script errors', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
