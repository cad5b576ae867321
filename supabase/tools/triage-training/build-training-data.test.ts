// training-data.json must be exactly what build-training-data.ts writes, so the provenance in PROVENANCE.md stays
// true: nobody hand-edits the JSON without the generator (and its seed) explaining it.
import assert from 'node:assert/strict';
import { buildTrainingData, oneOffTickets, serialiseTrainingData } from './build-training-data.ts';

Deno.test('training-data.json is what build-training-data.ts writes (rerun the script after changing it)', async () => {
  const committed = await Deno.readTextFile(new URL('./training-data.json', import.meta.url));
  assert.equal(committed, serialiseTrainingData(buildTrainingData()));
});

Deno.test('every hand-written one-off ticket is in the set exactly once', async () => {
  const committed: { subject: string; body: string }[] = JSON.parse(await Deno.readTextFile(new URL('./training-data.json', import.meta.url)));
  const keys = committed.map((ticket) => `${ticket.subject}\n${ticket.body}`);
  for (const ticket of oneOffTickets) {
    assert.equal(keys.filter((key) => key === `${ticket.subject}\n${ticket.body}`).length, 1, ticket.subject);
  }
});
