// End-to-end test of the relia serve dashboard in Debian's headless Chromium, driven by playwright-core.
//
//   BASE_URL=http://127.0.0.1:8080 TOKEN=relia_... SCREENSHOT_DIR=relia-server/target/e2e-screenshots \
//     node relia-server/src/test/e2e/dashboard.mjs
//
// MODE=slo-live only checks the SLO overview's burn-down charts (a server with live or recorded SLO data).
// Optional: ALERTMANAGER_URL and ALERT_NAME post an alert to a real Alertmanager and wait for the incident it opens
// to appear in the (auto-refreshing) incident list. E2E_DIR names the directory whose node_modules holds
// playwright-core (default relia-server/target/e2e, where scripts/lib/e2e.sh installs it); CHROMIUM the browser.
// Exit code 0 when every step passed, 1 when one failed (the reason on stderr), 2 on a usage error.
// Every wait is bounded; the whole run is too (E2E_DEADLINE_MS, default 240 s).

import {createRequire} from 'node:module';
import {mkdtempSync, mkdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const STEP_TIMEOUT_MS = 15_000;
const ALERT_WAIT_MS = 60_000;
export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>"\'&';

/** The flags Chromium needs as root in a container, and nothing that talks to Google. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function playwright() {
  const dir = resolve(process.env.E2E_DIR || join(HERE, '..', '..', '..', 'target', 'e2e'));
  try {
    return createRequire(join(dir, 'package.json'))('playwright-core');
  } catch (missing) {
    throw new Error(`playwright-core is not installed in ${dir}: run 'bash scripts/lib/e2e.sh' first `
      + `(${missing.message})`);
  }
}

/** Starts Chromium with a fresh profile; returns {context, page, close}. */
export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'relia-e2e-profile-'));
  const context = await playwright().chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: {width: 1280, height: 900},
    timeout: 60_000,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  const page = context.pages()[0] || await context.newPage();
  return {context, page, close: async () => {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }};
}

/**
 * Watches a page for what must never happen: a dialog (an injected alert()), an uncaught error, a CSP violation.
 * Returns the list of problems seen so far (live).
 */
export function watch(page) {
  const problems = [];
  page.on('dialog', async (dialog) => {
    problems.push(`a ${dialog.type()} dialog opened: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => problems.push(`uncaught error in the page: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) {
      problems.push(`CSP violation: ${message.text()}`);
    }
  });
  return problems;
}

/** Goes to a dashboard route (#/...) and waits until its heading shows. */
export async function open(page, baseUrl, route, heading) {
  await page.goto(`${baseUrl}/${route}`);
  if (heading) await page.locator('main h1', {hasText: heading}).first().waitFor();
}

export async function screenshot(page, dir, name) {
  mkdirSync(dir, {recursive: true});
  const file = join(dir, name);
  await page.screenshot({path: file, fullPage: true});
  console.log(`screenshot ${file}`);
  return file;
}

/** Posts one alert to Alertmanager's v2 API, within a timeout. */
export async function postAlert(alertmanagerUrl, alertName) {
  const response = await fetch(`${alertmanagerUrl.replace(/\/$/, '')}/api/v2/alerts`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify([{labels: {alertname: alertName, service: 'checkout', severity: 'critical'},
      annotations: {summary: 'e2e alert', runbook_url: `https://runbooks.example/checkout/${alertName}`}}]),
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Alertmanager answered ${response.status}: ${await response.text()}`);
}

/**
 * Waits, on the incident list and without reloading (the list refreshes itself), until an incident whose title
 * contains {@code text} shows; returns its row.
 */
export async function waitForIncidentTitled(page, baseUrl, text, timeoutMs = ALERT_WAIT_MS) {
  await open(page, baseUrl, '#/incidents', 'Incidents');
  const row = page.locator('tr[data-incident]', {has: page.locator('.incident-title', {hasText: text})}).first();
  await row.waitFor({timeout: timeoutMs});
  return row;
}

/** The hook for a real Alertmanager: post ALERT_NAME and wait for the incident intake opens for it. */
export async function alertOpensIncident(page, {baseUrl, alertmanagerUrl, alertName, screenshots}) {
  await postAlert(alertmanagerUrl, alertName);
  const row = await waitForIncidentTitled(page, baseUrl, alertName, ALERT_WAIT_MS);
  if (screenshots) await screenshot(page, screenshots, '09-alert-incident-list.png');
  // Its page lists the alert Alertmanager sent, with the runbook link from its annotations.
  await row.locator('a.incident-title').click();
  const linked = page.locator('#alerts tr', {hasText: alertName}).first();
  await linked.waitFor({timeout: STEP_TIMEOUT_MS});
  check(await linked.locator('a', {hasText: 'runbook'}).count() === 1, 'the linked alert shows its runbook link');
  if (screenshots) await screenshot(page, screenshots, '10-alert-incident-page.png');
}

/**
 * The SLO overview of a server whose SLOs have live (or recorded) data: every card draws its burn-down chart.
 * Run with MODE=slo-live against such a server.
 */
export async function sloBurnDown(page, {baseUrl, screenshots}) {
  await open(page, baseUrl, '#/', 'Overview');
  await page.locator('.slo-card svg.burndown path.line').first().waitFor();
  check(await page.locator('.slo-card .badge', {hasText: 'no live data'}).count() === 0,
    'an SLO with live data says "no live data"');
  await screenshot(page, screenshots, '08-slo-burndown.png');
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function run({baseUrl, token, screenshots, alertmanagerUrl, alertName, mode}) {
  const browser = await openBrowser();
  const {page} = browser;
  const problems = watch(page);
  try {
    if (mode === 'slo-live') {
      await sloBurnDown(page, {baseUrl, screenshots});
      check(problems.length === 0, problems.join('; '));
      return;
    }
    // 1. Without a token a write is refused with a message that says what to do; the token goes into the header
    //    field and stays for the tab.
    await open(page, baseUrl, '#/declare', 'Declare an incident');
    await page.fill('#declare [name=title]', 'no token yet');
    await page.click('#declare button[type=submit]');
    await page.locator('main .notice.error', {hasText: '401'}).waitFor();
    await page.locator('#banner', {hasText: 'API token'}).waitFor();
    await screenshot(page, screenshots, '00-token-needed.png');
    await open(page, baseUrl, '#/', 'Overview');
    await page.fill('#token', token);
    await page.click('#token-form button[type=submit]');
    await page.locator('#token-state', {hasText: 'saved'}).waitFor();

    // 2. Declare an incident whose title is an XSS attempt.
    await open(page, baseUrl, '#/declare', 'Declare an incident');
    await page.fill('#declare [name=title]', HOSTILE_TITLE);
    await page.selectOption('#declare [name=severity]', 'SEV2');
    await page.fill('#declare [name=summary]', 'Declared by the dashboard e2e test. <b>not bold</b>');
    await page.fill('#declare [name=services]', 'checkout');
    await screenshot(page, screenshots, '01-declare.png');
    await page.click('#declare button[type=submit]');
    await page.waitForURL(/#\/incidents\/\d+$/);
    const id = page.url().match(/#\/incidents\/(\d+)$/)[1];
    await page.locator('#incident-title').waitFor();
    check(await page.textContent('#incident-title') === HOSTILE_TITLE, 'the incident page does not show the title '
      + 'as literal text');

    // 3. The list shows the title as text: no img element was injected, no dialog fired.
    await open(page, baseUrl, '#/incidents', 'Incidents');
    const link = page.locator(`tr[data-incident="${id}"] .incident-title`);
    await link.waitFor();
    check(await link.textContent() === HOSTILE_TITLE, `the list shows "${await link.textContent()}", not the title`);
    check(await page.locator('img').count() === 0, 'an img element was injected into the page');
    await screenshot(page, screenshots, '02-incident-list.png');

    // 4. Its page: acknowledge, then resolve, from the buttons.
    await link.click();
    await page.waitForURL(new RegExp(`#/incidents/${id}$`));
    await page.click('button[data-action=ack]');
    await page.locator('.incident-head', {hasText: 'phase: triage'}).waitFor();
    check(await page.locator('button[data-action=ack]').count() === 0, 'Acknowledge still offered after ack');
    await page.locator('#alerts[data-loaded]').waitFor();
    await page.locator('#similar[data-loaded]').waitFor();
    await screenshot(page, screenshots, '03-incident-acknowledged.png');
    await page.fill('.incident-head [name=rootCause]', 'connection pool too small <script>');
    await page.click('button[data-action=resolve]');
    await page.locator('.incident-head[data-status=resolved]').waitFor();
    await screenshot(page, screenshots, '04-incident-resolved.png');

    // 5. Its postmortem: shown inline from markdown, or a clear message while the endpoint does not exist.
    await page.click('#postmortem-show');
    await page.locator('#postmortem .postmortem-text, #postmortem .notice').first().waitFor();
    await page.locator('#postmortem').scrollIntoViewIfNeeded();
    await screenshot(page, screenshots, '05-postmortem.png');

    // 6. Action items page: one added through the API, overdue, shows in the table.
    const added = await fetch(`${baseUrl}/api/v1/incidents/1/actions`, {method: 'POST',
      headers: {'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({title: 'Alert on pool saturation', owner: 'bob', priority: 'P1', due: '2026-01-01'}),
      signal: AbortSignal.timeout(STEP_TIMEOUT_MS)});
    check(added.status === 201, `adding an action item answered ${added.status}`);
    await open(page, baseUrl, '#/actions', 'Action items');
    await page.locator('main table', {hasText: 'Alert on pool saturation'}).first().waitFor();
    await screenshot(page, screenshots, '06-actions.png');

    // 7. The SLO overview: every SLO of the example shows, with its objective.
    await open(page, baseUrl, '#/', 'Overview');
    await page.locator('.slo-card').first().waitFor();
    check(await page.locator('.slo-card').count() >= 1, 'no SLO on the overview');
    await screenshot(page, screenshots, '07-overview.png');

    if (alertmanagerUrl && alertName) {
      await alertOpensIncident(page, {baseUrl, alertmanagerUrl, alertName, screenshots});
    }
    check(await page.locator('img').count() === 0, 'an img element was injected into the page');
    check(problems.length === 0, problems.join('; '));
  } catch (failed) {
    await screenshot(page, screenshots, 'failure.png').catch(() => {});
    if (problems.length > 0) failed.message += ` (also: ${problems.join('; ')})`;
    throw failed;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const baseUrl = (process.env.BASE_URL || '').replace(/\/$/, '');
  const token = process.env.TOKEN || '';
  const mode = process.env.MODE || 'incidents';
  const screenshots = resolve(process.env.SCREENSHOT_DIR || 'relia-server/target/e2e-screenshots');
  if (!baseUrl || (!token && mode !== 'slo-live')) {
    console.error('usage: BASE_URL=http://127.0.0.1:PORT TOKEN=... [SCREENSHOT_DIR=...] [MODE=slo-live] '
      + '[ALERTMANAGER_URL=... ALERT_NAME=...] node dashboard.mjs');
    process.exit(2);
  }
  const deadline = setTimeout(() => {
    console.error('dashboard e2e: the run took longer than its deadline; stopping');
    process.exit(1);
  }, Number(process.env.E2E_DEADLINE_MS || 240_000));
  deadline.unref();
  try {
    await run({baseUrl, token, screenshots, alertmanagerUrl: process.env.ALERTMANAGER_URL,
      alertName: process.env.ALERT_NAME, mode});
    console.log('dashboard e2e: all steps passed');
  } catch (failed) {
    console.error(`dashboard e2e: FAILED: ${failed.stack || failed.message}`);
    process.exitCode = 1;
  }
}
