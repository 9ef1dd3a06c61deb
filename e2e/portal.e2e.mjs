// End-to-end test of the portal in headless Debian Chromium, driven by playwright-core. PortalE2EProcessIT starts the
// packaged service with demo data, picks a subject and passes it here:
//   BASE_URL, E2E_FRAGMENT (part of its name that type-ahead finds), E2E_CODE, E2E_GRADE, E2E_TOKEN (verify scope),
//   E2E_BATCH (comma-separated codes to check), E2E_SCREENSHOTS (folder).
// Exits non-zero with the failed step on stderr.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const env = name => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const base = env('BASE_URL');
const shots = process.env.E2E_SCREENSHOTS || 'target/screenshots';
mkdirSync(shots, { recursive: true });

const INVALID = '91350100M000100Y44';

async function expectText(locator, expected, what) {
  await locator.waitFor({ timeout: 15000 });
  const actual = (await locator.textContent()).trim();
  if (!actual.includes(expected)) throw new Error(`${what}: expected "${expected}", found "${actual}"`);
}

async function run(browser, viewport, suffix) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', e => problems.push(e.message));
  page.on('console', m => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('response', r => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });

  // Type part of a name, pick the suggestion, see the right code and grade.
  await page.goto(base + '/');
  await page.getByRole('combobox').fill(env('E2E_FRAGMENT'));
  const suggestion = page.locator(`#suggestions li[data-code="${env('E2E_CODE')}"]`);
  await suggestion.waitFor({ timeout: 15000 });
  await page.screenshot({ path: `${shots}/portal-suggest${suffix}.png` });
  await suggestion.click();
  await expectText(page.locator('#subject-code'), env('E2E_CODE'), 'subject page code');
  await expectText(page.locator('#subject-grade'), env('E2E_GRADE'), 'subject page grade');
  await expectText(page.locator('#subject-region'), env('E2E_REGION'), 'subject page region by name');
  await expectText(page.locator('#subject-status'), env('E2E_STATUS'), 'subject page status in Chinese');
  await page.screenshot({ path: `${shots}/portal-subject${suffix}.png`, fullPage: true });

  // A report issued for the subject is checked on the report page (where its QR code's number leads people).
  const report = await (await page.request.get(base + '/api/v1/subjects/' + env('E2E_CODE') + '/report?format=json')).json();
  await page.goto(base + '/#/report/' + encodeURIComponent(report.number));
  await expectText(page.locator('#report-issued'), '该报告由本平台出具', 'report check');
  await expectText(page.locator('#report-subject'), env('E2E_CODE'), 'report check names the subject');

  // Search with facets.
  await page.goto(base + '/?q=' + encodeURIComponent(env('E2E_FRAGMENT')));
  await page.locator('#results li').first().waitFor({ timeout: 15000 });
  await page.locator('#facets button').first().waitFor({ timeout: 15000 });
  await page.screenshot({ path: `${shots}/portal-search${suffix}.png`, fullPage: true });

  // A batch check with a department token: verdicts, and the reason for an invalid code.
  await page.goto(base + '/#/check');
  await page.locator('#scenario option').first().waitFor({ state: 'attached', timeout: 15000 });
  await page.getByLabel(/令牌或 API 密钥/).fill(env('E2E_TOKEN'));
  await page.locator('#codes').fill(env('E2E_BATCH').split(',').concat(INVALID).join('\n'));
  await page.getByRole('button', { name: '核查' }).click();
  const rows = page.locator('#check-result tbody tr');
  await rows.first().waitFor({ timeout: 15000 });
  const found = await page.locator('#check-result tr[data-status="FOUND"]').count();
  if (found < 1) throw new Error('batch check: no FOUND row');
  const verdicts = await page.locator('#check-result tr[data-status="FOUND"] td[class^="verdict-"]').allTextContents();
  if (verdicts.some(v => !v.trim())) throw new Error('batch check: a found code without a verdict');
  await expectText(page.locator('#check-result tr[data-status="INVALID"] td.reason'), '校验码', 'invalid code reason in Chinese');
  await page.screenshot({ path: `${shots}/portal-check${suffix}.png`, fullPage: true });

  // Usage statistics with an administrator's token: the check just made is counted, drawn and listed.
  await page.goto(base + '/#/statistics');
  await page.getByLabel('管理员令牌').fill(env('E2E_ADMIN_TOKEN'));
  await page.getByRole('button', { name: '统计' }).click();
  await expectText(page.locator('#stats-summary'), '核查', 'statistics summary');
  await page.locator('#stats-chart canvas').first().waitFor({ timeout: 15000 });
  if (await page.locator('#stats-table tbody tr').count() < 1) throw new Error('statistics: no row for the check just made');
  await expectText(page.locator('#stats-table tbody'), '政府采购', 'statistics scenario by its Chinese name');
  await page.screenshot({ path: `${shots}/portal-statistics${suffix}.png`, fullPage: true });

  // English toggle.
  await page.locator('#lang').click();
  await expectText(page.locator('nav a').first(), 'Search', 'English navigation');
  await page.locator('#lang').click();

  await context.close();
  if (problems.length) throw new Error('browser errors: ' + problems.join(' | '));
}

async function fileObjection(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(base + '/#/subject/' + env('E2E_CODE'));
  await page.locator('#subject-code').waitFor({ timeout: 15000 });
  const button = page.locator('button[data-object]').first();
  if (await button.count() === 0) throw new Error('the subject has nothing to object to');
  await button.click();
  await page.getByLabel('异议理由').fill('该记录与本单位实际情况不符，请核实');
  await page.getByLabel('姓名或单位名称').fill('张三');
  await page.getByLabel('联系电话或电子邮箱').fill('13800138000');
  await page.getByRole('button', { name: '提交' }).click();
  await expectText(page.locator('#objection-status'), '已提交', 'objection status after filing');
  await page.screenshot({ path: `${shots}/portal-objection.png`, fullPage: true });
  await context.close();
}

/** A mistyped code on the Chinese portal: the refusal is explained in Chinese (Accept-Language: zh-CN). */
async function refusalInChinese(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(base + '/#/subject/' + INVALID);
  await expectText(page.locator('#view-subject [role="alert"]'), '第 18 位校验码应为', 'a refused code explained in Chinese');
  await context.close();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  await run(browser, { width: 1280, height: 900 }, '');
  await run(browser, { width: 390, height: 844 }, '-phone');
  await fileObjection(browser);
  await refusalInChinese(browser);
  console.log(`portal e2e passed (desktop and phone widths, objection filed, refusal in Chinese); screenshots in ${shots}`);
} catch (e) {
  console.error('portal e2e failed: ' + e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
