// The held-out triage set stays what its provenance says: big enough, a realistic label mix, and wording no model
// or its author has seen — no lowercased word 4-gram shared with the triage training data and code, the seeded
// knowledge base, the retrieval fixtures, the held-out customer questions or the dev triage set. If this fails after new training text
// was added, the training text reused held-out wording (or a shared phrase): reword the training text.
import assert from 'node:assert/strict';
import { normaliseText, splitWords } from '../../functions/_shared/ai/english-text.ts';
import { customerWordings, loadHeldOutTickets } from './held-out-tickets.ts';

const root = new URL('../../../', import.meta.url);
/** Everything a triage model or its author may have learned wording from. */
const trainingAndReferenceFolders = ['supabase/tools/triage-training', 'supabase/functions/_shared/triage', 'supabase/seeds'];
const trainingAndReferenceFiles = [
  'tests/fixtures/retrieval-questions.json',
  'tests/fixtures/guide-matching.json',
  'tests/fixtures/held-out/customer-questions.json',
  // The earlier triage set, a dev set now: models were chosen by its figures, so its wording counts as seen.
  'tests/fixtures/dev/triage-tickets.json',
];

function wordFourGrams(text: string): Set<string> {
  // Escaped line breaks in JSON and source text ("…\n\nI would") are word boundaries, not letters.
  const words = splitWords(normaliseText(text.replace(/\\[nrt]/g, ' ')));
  const grams = new Set<string>();
  for (let index = 0; index + 4 <= words.length; index++) grams.add(words.slice(index, index + 4).join(' '));
  return grams;
}

async function* filesUnder(folder: URL): AsyncGenerator<URL> {
  for await (const entry of Deno.readDir(folder)) {
    const url = new URL(entry.name + (entry.isDirectory ? '/' : ''), folder);
    if (entry.isDirectory) yield* filesUnder(url);
    else if (/\.(ts|mts|json|md|sql|txt)$/.test(entry.name)) yield url;
  }
}

async function referenceFourGrams(): Promise<Map<string, string>> {
  const whereSeen = new Map<string, string>();
  const add = async (url: URL) => {
    for (const gram of wordFourGrams(await Deno.readTextFile(url))) if (!whereSeen.has(gram)) whereSeen.set(gram, url.pathname.slice(root.pathname.length));
  };
  for (const folder of trainingAndReferenceFolders) for await (const url of filesUnder(new URL(`${folder}/`, root))) await add(url);
  for (const file of trainingAndReferenceFiles) await add(new URL(file, root));
  return whereSeen;
}

Deno.test('held-out triage set: at least 90 tickets, unique ids and texts, a realistic urgency mix, every category', async () => {
  const tickets = await loadHeldOutTickets();
  assert.ok(tickets.length >= 90, `only ${tickets.length} held-out tickets`);
  assert.equal(new Set(tickets.map((ticket) => ticket.id)).size, tickets.length, 'ids are unique');
  assert.equal(new Set(tickets.map((ticket) => `${ticket.subject}\n${ticket.description}`)).size, tickets.length, 'texts are unique');
  const share = (level: string) => tickets.filter((ticket) => ticket.urgency === level).length / tickets.length;
  assert.ok(share('high') >= 0.22 && share('high') <= 0.33, `high share ${share('high').toFixed(2)} outside 0.22-0.33`);
  assert.ok(share('medium') >= 0.28 && share('medium') <= 0.42, `medium share ${share('medium').toFixed(2)} outside 0.28-0.42`);
  assert.ok(share('low') >= 0.28 && share('low') <= 0.42, `low share ${share('low').toFixed(2)} outside 0.28-0.42`);
  for (const category of ['billing', 'technical', 'feature_request']) {
    assert.ok(tickets.filter((ticket) => ticket.category === category).length >= 20, `fewer than 20 ${category} tickets`);
  }
  assert.ok(tickets.filter((ticket) => ticket.channel === 'chat').length >= 8, 'chat hand-offs are represented');
});

Deno.test('held-out triage set: no customer wording shares a word 4-gram with training data, KB or fixtures', async () => {
  const reference = await referenceFourGrams();
  assert.ok(reference.size > 10_000, `the reference texts were not read (${reference.size} 4-grams)`);
  const shared: string[] = [];
  for (const ticket of await loadHeldOutTickets()) {
    for (const wording of customerWordings(ticket)) {
      for (const gram of wordFourGrams(wording)) if (reference.has(gram)) shared.push(`${ticket.id}: "${gram}" (also in ${reference.get(gram)})`);
    }
  }
  assert.deepEqual(shared, [], `held-out wording shared with training/reference text:\n${shared.join('\n')}`);
});
