// Trains the local category classifier from training-data.json and writes the runtime's model.json
// (supabase/functions/_shared/triage/model.json, where the local triage provider loads it).
// Run after changing the data or the features:  node_modules/.bin/deno run --allow-read --allow-write supabase/tools/triage-training/train.ts
// A deno test fails when model.json is not what this script would write, so nobody forgets to retrain.
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

export function serialiseModelFile(file: TriageModelFile): string {
  return `{\n  "version": ${JSON.stringify(file.version)},\n  "category": ${serialiseCounts(file.category, '    ')},\n  "urgency": ${serialiseCounts(file.urgency, '    ')}\n}\n`;
}

/** Everything the models learn from: the hash-split training part of training-data.json, the new wording of
 *  issue 15 (its dev split excluded), and — when given — tickets technicians corrected (`corrections.ts`). */
export function trainingTickets(labelled: readonly TrainingTicket[], corrected: readonly TrainingTicket[] = []): TrainingTicket[] {
  return [...splitTrainingAndHeldOut(labelled).training, ...newWordingTrainingTickets, ...corrected];
}

export function trainModelFile(tickets: readonly TrainingTicket[]): string {
  const category = trainCategoryModel(tickets);
  const urgency = trainUrgencyModel(tickets.map((ticket) => {
    const words = { subject: ticket.subject, body: customerOwnWords(ticket.body) };
    return { ...words, urgency: ticket.urgency, sentimentScore: estimateSentiment(`${words.subject}\n${words.body}`).score };
  }));
  // The version names what the model learnt, not when: the same data always gives the same version, so the
  // staleness test below can compare files, and a retrain with new corrections gives a new one.
  const body = serialiseModelFile({ version: 'pending', category, urgency });
  const version = `local-triage-v2-${stableTextHash(body).toString(16).padStart(8, '0')}`;
  return serialiseModelFile({ version, category, urgency });
}

export async function buildModelFile(dataUrl: URL = trainingDataUrl, corrected: readonly TrainingTicket[] = []): Promise<string> {
  return trainModelFile(trainingTickets(await loadLabelledTickets(dataUrl), corrected));
}

if (import.meta.main) {
  const contents = await buildModelFile(Deno.args[0] ? new URL(Deno.args[0], `file://${Deno.cwd()}/`) : trainingDataUrl);
  await Deno.writeTextFile(Deno.args[1] ? new URL(Deno.args[1], `file://${Deno.cwd()}/`) : modelUrl, contents);
  console.log(`wrote model (${contents.length} bytes)`);
}
