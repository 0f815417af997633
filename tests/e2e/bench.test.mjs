// The browser benchmark's harness still runs (issue 5, point 10): benches/browser/run.mjs on a
// tiny case (2 partners, 1 work package, one round, 5 keys, one added row). It checks that every
// figure is produced, not how fast: timing goals live in the benchmark (docs/benchmarks.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../benches/browser/run.mjs';

const OPTS = { timeout: 180_000 };
let summary;

async function tiny() {
  summary ??= await run({ tiny: true, rounds: 1, keys: 5, adds: 1, pkg: null, doc: null });
  return summary;
}

function assertRenderAndKeys(lib) {
  assert.equal(lib.render?.n, 1, 'one first render');
  assert.ok(lib.frame.median >= lib.render.median, 'the frame comes after the DOM');
  assert.equal(lib.keys?.n, 5, 'five keystrokes timed');
}

function assertComplete(lib) {
  assert.equal(lib.error, null);
  assertRenderAndKeys(lib);
  assert.equal(lib.add.n, 1, 'one added row timed');
}

test('bench harness: the SurveyJS side measures all three figures', OPTS, async () => {
  assertComplete((await tiny()).libs.surveyjs);
});

test('bench harness: the hitforms side measures all three figures', OPTS, async () => {
  assertComplete((await tiny()).libs.hitforms);
});
