// Accuracy on this session's own DEV split (new-wording-tickets.ts: whole scenarios never trained on), printed and
// guarded. The held-out set in tests/fixtures/held-out/ is measured by its own test; this one is the working gauge.
import assert from 'node:assert/strict';
import { LocalTriageProvider } from '../../functions/_shared/triage/local-triage-provider.ts';
import { newWordingDevTickets } from './new-wording-tickets.ts';
import { measureTriage } from './measure.ts';

Deno.test('dev split (unseen scenarios): category ≥ 0.90, urgency ≥ 0.75, recall of high ≥ 0.90 (printed)', async () => {
  const figures = await measureTriage(new LocalTriageProvider(), newWordingDevTickets);
  console.log(`dev split n=${figures.n}: category ${figures.categoryAccuracy.toFixed(2)}, urgency ${figures.urgencyAccuracy.toFixed(2)}, recall of high ${figures.highRecall.toFixed(2)}`);
  console.log(`urgency confusion (actual → predicted): ${JSON.stringify(figures.urgencyConfusion)}`);
  assert.ok(figures.n >= 40, `dev split too small (${figures.n})`);
  assert.ok(figures.categoryAccuracy >= 0.9, `category ${figures.categoryAccuracy}`);
  // A guard, not the target (issue 15's targets are the held-out set's): 0.75 leaves room for a retrain with corrected
  // tickets to move a couple of the 64 dev tickets; it measured 0.80 (51/64) when set.
  assert.ok(figures.urgencyAccuracy >= 0.75, `urgency ${figures.urgencyAccuracy}`);
  assert.ok(figures.highRecall >= 0.9, `recall of high ${figures.highRecall}`);
});
