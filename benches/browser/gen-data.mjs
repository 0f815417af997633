// The benchmark's application: the valid one-step example application
// (tests/fixtures/hit/examples/one-step-valid.json: 3 partners, 2 work packages, real-length
// texts) grown to 50 partners and 20 work packages by copying its own partners and work
// packages with new ids, names and partner references, so every text and budget table has the
// size a real application has. Usage: node gen-data.mjs [PARTNERS] [WORK_PACKAGES] > data.json
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const EXAMPLE = path.join(ROOT, 'tests/fixtures/hit/examples/one-step-valid.json');
export const CONFIG = 'engine/templates/hit/call-standard-one-step.json';

const copy = (v) => structuredClone(v);

/** The example application with `partners` partners and `workPackages` work packages. */
export function generate(partners = 50, workPackages = 20) {
  const base = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  const doc = copy(base);
  doc.partners = Array.from({ length: partners }, (_, i) => {
    const p = copy(base.partners[i % base.partners.length]);
    p.id = i + 1;
    p.role = i === 0 ? 'LEAD_PARTNER' : 'PARTNER';
    if (p.abbreviation) p.abbreviation = `${p.abbreviation.slice(0, 11)}${i + 1}`;
    if (p.nameInEnglish) p.nameInEnglish = `${p.nameInEnglish} (${i + 1})`.slice(0, 250);
    return p;
  });
  doc.workPackages = Array.from({ length: workPackages }, (_, j) => {
    const wp = copy(base.workPackages[j % base.workPackages.length]);
    for (const activity of wp.activities ?? []) {
      // Three partners per activity, spread over the partnership.
      activity.partnerIds = [0, 1, 2].map((k) => ({ partnerId: ((j * 3 + k) % partners) + 1 }));
    }
    return wp;
  });
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [p = '50', w = '20'] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(generate(Number(p), Number(w))));
}
