// Shared browser plumbing for the Playwright specs and the browser benchmark: one headless
// Debian Chromium per process (playwright-core, no browser download), a watcher that collects
// every console error, uncaught exception, failed request and CSP violation, and axe-core.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

let browser;

/** The shared browser, launched on first use; close it with closeBrowser() in an `after` hook. */
export async function getBrowser() {
  browser ??= await chromium.launch(LAUNCH);
  return browser;
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

/** A fresh context and page (closed after the test `t`), watched for problems. */
export async function newPage(t, options = {}) {
  const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 1000 }, ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = await watch(context, page);
  return { context, page, problems };
}

/** Collects console errors, uncaught exceptions, failed requests and CSP violations. */
export async function watch(context, page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  // Runs before any page script; violations inside the shadow root are composed and bubble.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    }, true);
  });
  return problems;
}

/** The CSP violations the page reported so far. */
export function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

function formatViolations(violations) {
  return violations.map((v) => [
    `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\n/g, ' ')}`),
  ].join('\n')).join('\n');
}

/** axe-core over the whole page (shadow roots included): no WCAG 2.1 A/AA violation. */
export async function assertNoAxeViolations(page, when) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  assert.equal(results.violations.length, 0, `axe violations ${when}:\n${formatViolations(results.violations)}`);
  return results;
}
