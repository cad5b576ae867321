// Trains the local category and urgency models and writes the runtime's model.json
// (supabase/functions/_shared/triage/model.json, where the local triage provider loads it), stamped with a version.
//   npm run train -- triage                                   # from the checked-in data
//   npm run train -- triage --database-url=postgres://…       # plus tickets technicians corrected
//   (or DATABASE_URL=postgres://… npm run train -- triage)
// A deno test fails when model.json is not what this script writes from the checked-in data, so nobody forgets to
// retrain after changing the data; a model retrained with corrections is a deliberate change, committed as such.
import { z } from 'npm:zod@4';
import { isHeldOut, type LabelledTicket, stableTextHash, trainCategoryModel } from '../../functions/_shared/triage/category-classifier.ts';
import { customerOwnWords } from '../../functions/_shared/triage/customer-words.ts';
import { estimateSentiment } from '../../functions/_shared/triage/sentiment-score.ts';
import { TicketCategory, urgencyLevels } from '../../functions/_shared/triage/triage-schema.ts';
import { trainUrgencyModel } from '../../functions/_shared/triage/urgency-model.ts';
import type { TriageModelFile } from '../../functions/_shared/triage/triage-model-file.ts';
import { newWordingTrainingTickets } from './new-wording-tickets.ts';

export const trainingDataUrl = new URL('./training-data.json', import.meta.url);
export const modelUrl = new URL('../../functions/_shared/triage/model.json', import.meta.url);

const TrainingTicket = z.object({
  subject: z.string(),
  body: z.string(),
  category: TicketCategory,
  urgency: z.enum(urgencyLevels),
});
export type TrainingTicket = z.infer<typeof TrainingTicket>;
/** The file may be a bare array or `{ tickets: [...] }`, with extra fields (source, notes) ignored. */
const TrainingData = z.union([z.array(TrainingTicket), z.object({ tickets: z.array(TrainingTicket) }).transform((data) => data.tickets)]);

export async function loadLabelledTickets(url: URL = trainingDataUrl): Promise<TrainingTicket[]> {
  return TrainingData.parse(JSON.parse(await Deno.readTextFile(url)));
}

export function splitTrainingAndHeldOut<T extends LabelledTicket>(tickets: readonly T[]): { training: T[]; heldOut: T[] } {
  return { training: tickets.filter((ticket) => !isHeldOut(ticket)), heldOut: tickets.filter(isHeldOut) };
}

/** One feature per line keeps model.json diffable while staying compact. */
function serialiseCounts(model: object & { features: Record<string, number[]> }, indent: string): string {
  const { features, ...header } = model;
  const featureLines = Object.entries(features).map(([feature, counts]) => `${indent}  ${JSON.stringify(feature)}: ${JSON.stringify(counts)}`);
  const headerLines = Object.entries(header).map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return `{\n${headerLines.join('\n')}\n${indent}"features": {\n${featureLines.join(',\n')}\n${indent}}\n${indent.slice(2)}}`;
}

/** The category model likewise: one sparse feature per line, one dense row (label) per line. */
function serialiseSoftmax(model: TriageModelFile['category'], indent: string): string {
  const { sparse, dense, ...header } = model;
  const headerLines = Object.entries(header).map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const denseLines = dense.map((row) => `${indent}  ${JSON.stringify(row)}`);
  const sparseLines = Object.entries(sparse).map(([feature, weights]) => `${indent}  ${JSON.stringify(feature)}: ${JSON.stringify(weights)}`);
  return `{\n${headerLines.join('\n')}\n${indent}"dense": [\n${denseLines.join(',\n')}\n${indent}],\n${indent}"sparse": {\n${sparseLines.join(',\n')}\n${indent}}\n${indent.slice(2)}}`;
}

export function serialiseModelFile(file: TriageModelFile): string {
  return `{\n  "version": ${JSON.stringify(file.version)},\n  "category": ${serialiseSoftmax(file.category, '    ')},\n  "urgency": ${serialiseCounts(file.urgency, '    ')}\n}\n`;
}

/** Everything the models learn from: the hash-split training part of training-data.json, the new wording of
 *  issue 15 (its dev split excluded), and — when given — tickets technicians corrected (`corrections.ts`). */
export function trainingTickets(labelled: readonly TrainingTicket[], corrected: readonly TrainingTicket[] = []): TrainingTicket[] {
  return [...splitTrainingAndHeldOut(labelled).training, ...newWordingTrainingTickets, ...corrected];
}

export function trainModelFile(tickets: readonly TrainingTicket[]): string {
  // Both models learn from what the customer wrote, as the provider reads a ticket: a hand-off transcript's
  // assistant turns are the product's own words.
  const customerTickets = tickets.map((ticket) => ({ ...ticket, body: customerOwnWords(ticket.body) }));
  const category = trainCategoryModel(customerTickets);
  const urgency = trainUrgencyModel(customerTickets.map((ticket) => ({ ...ticket, sentimentScore: estimateSentiment(`${ticket.subject}\n${ticket.body}`).score })));
  // The version names what the model learnt, not when: the same data always gives the same version, so the
  // staleness test below can compare files, and a retrain with new corrections gives a new one.
  const body = serialiseModelFile({ version: 'pending', category, urgency });
  const version = `local-triage-v2-${stableTextHash(body).toString(16).padStart(8, '0')}`;
  return serialiseModelFile({ version, category, urgency });
}

export async function buildModelFile(dataUrl: URL = trainingDataUrl, corrected: readonly TrainingTicket[] = []): Promise<string> {
  return trainModelFile(trainingTickets(await loadLabelledTickets(dataUrl), corrected));
}

/** `npm run train -- triage [--database-url=…]` (supabase/tools/train.ts hands over the arguments after the name). */
export async function trainTriage(args: readonly string[]): Promise<void> {
  const databaseUrl = args.find((arg) => arg.startsWith('--database-url='))?.slice('--database-url='.length) ?? Deno.env.get('DATABASE_URL');
  let corrected: TrainingTicket[] = [];
  if (databaseUrl) {
    const { default: postgres } = await import('npm:postgres@3.4.9');
    const { readCorrectedTickets } = await import('./corrections.ts');
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      corrected = await readCorrectedTickets(sql);
    } finally {
      await sql.end();
    }
  }
  const contents = await buildModelFile(trainingDataUrl, corrected);
  await Deno.writeTextFile(modelUrl, contents);
  console.log(`wrote ${modelUrl.pathname}: ${JSON.parse(contents).version} (${trainingTickets(await loadLabelledTickets(), corrected).length} tickets, ${corrected.length} corrected)`);
}

if (import.meta.main) await trainTriage(Deno.args.filter((arg) => arg !== 'triage'));
