// Prints the local provider's triage accuracy as JSON lines for `npm run bench -- triage` (local/bench/triage.ts):
// on this session's dev split, and on the held-out set in tests/fixtures/held-out/triage-tickets.json when it
// exists (measured only: nothing here or in training reads its items for anything else).
import { z } from 'npm:zod@4';
import { LocalTriageProvider } from '../../functions/_shared/triage/local-triage-provider.ts';
import { TicketCategory, urgencyLevels } from '../../functions/_shared/triage/triage-schema.ts';
import { measureTriage } from './measure.ts';
import { newWordingDevTickets } from './new-wording-tickets.ts';

const LabelledSet = z.union([
  z.array(z.object({ subject: z.string(), body: z.string(), category: TicketCategory, urgency: z.enum(urgencyLevels) })),
  z.object({ tickets: z.array(z.object({ subject: z.string(), body: z.string(), category: TicketCategory, urgency: z.enum(urgencyLevels) })) })
    .transform((set) => set.tickets),
]);

const heldOutUrl = new URL('../../../tests/fixtures/held-out/triage-tickets.json', import.meta.url);
const provider = new LocalTriageProvider();
const sets: [string, z.infer<typeof LabelledSet>][] = [['dev', [...newWordingDevTickets]]];
try {
  sets.push(['held_out', LabelledSet.parse(JSON.parse(await Deno.readTextFile(heldOutUrl)))]);
} catch (error) {
  if (!(error instanceof Deno.errors.NotFound)) throw error;
}
for (const [name, tickets] of sets) {
  const figures = await measureTriage(provider, tickets);
  console.log(JSON.stringify({ set: name, model: provider.modelVersion, n: figures.n, category_accuracy: figures.categoryAccuracy, urgency_accuracy: figures.urgencyAccuracy, high_recall: figures.highRecall }));
}
