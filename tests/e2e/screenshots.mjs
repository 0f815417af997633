// Takes the README's screenshots of the demo (docs/screenshots/*.png) in headless Chromium.
// Not a test: run it after the widget changed, with the demo served (`cargo xtask demo`):
//   HITFORMS_URL=http://127.0.0.1:8123/demo/ node tests/e2e/screenshots.mjs
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeBrowser, getBrowser } from './browser.mjs';
import { openForm } from './form-page.mjs';

const OUT = path.resolve(fileURLToPath(import.meta.url), '../../../docs/screenshots');

const SHOTS = [
  { file: 'demo-project-idea.png', form: 'project-idea', lang: 'en', top: true },
  { file: 'demo-errors-de.png', form: 'project-idea', lang: 'de', errors: true },
  { file: 'demo-hit-application.png', form: 'hit-standard', lang: 'en' },
  { file: 'demo-academy-fr.png', form: 'academy', lang: 'fr' },
];

mkdirSync(OUT, { recursive: true });
const browser = await getBrowser();
for (const shot of SHOTS) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  await openForm(page, shot);
  if (shot.errors) {
    await page.locator('hitforms-form').getByRole('textbox').first().fill('A'.repeat(30));
    await page.locator('hitforms-form').evaluate((el) => el.validate());
  }
  if (!shot.top) await page.locator('#controls').evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, shot.file) });
  console.log(`wrote docs/screenshots/${shot.file}`);
  await page.close();
}
await closeBrowser();
