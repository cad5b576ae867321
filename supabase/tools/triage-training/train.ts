// Trains the local category classifier from training-data.json and writes the runtime's model.json
// (supabase/functions/_shared/triage/model.json, where the local triage provider loads it).
// Run after changing the data or the features:  node_modules/.bin/deno run --allow-read --allow-write supabase/tools/triage-training/train.ts
// A deno test fails when model.json is not what this script would write, so nobody forgets to retrain.
import { z } from 'npm:zod@4';
import { type CategoryModel, isHeldOut, type LabelledTicket, trainCategoryModel } from '../../functions/_shared/triage/category-classifier.ts';
import { TicketCategory } from '../../functions/_shared/triage/triage-schema.ts';

export const trainingDataUrl = new URL('./training-data.json', import.meta.url);
export const modelUrl = new URL('../../functions/_shared/triage/model.json', import.meta.url);

const TrainingTicket = z.object({
  subject: z.string(),
  body: z.string(),
  category: TicketCategory,
});
/** The file may be a bare array or `{ tickets: [...] }`, with extra fields (source, notes) ignored. */
const TrainingData = z.union([z.array(TrainingTicket), z.object({ tickets: z.array(TrainingTicket) }).transform((data) => data.tickets)]);

export async function loadLabelledTickets(url: URL = trainingDataUrl): Promise<LabelledTicket[]> {
  return TrainingData.parse(JSON.parse(await Deno.readTextFile(url)));
}

export function splitTrainingAndHeldOut(tickets: readonly LabelledTicket[]): { training: LabelledTicket[]; heldOut: LabelledTicket[] } {
  return { training: tickets.filter((ticket) => !isHeldOut(ticket)), heldOut: tickets.filter(isHeldOut) };
}

/** One feature per line keeps model.json diffable while staying compact. */
export function serialiseModel(model: CategoryModel): string {
  const { features, ...header } = model;
  const featureLines = Object.entries(features).map(([feature, counts]) => `    ${JSON.stringify(feature)}: ${JSON.stringify(counts)}`);
  const headerLines = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return `{\n${headerLines.join('\n')}\n  "features": {\n${featureLines.join(',\n')}\n  }\n}\n`;
}

export async function buildModelFile(dataUrl: URL = trainingDataUrl): Promise<string> {
  const { training } = splitTrainingAndHeldOut(await loadLabelledTickets(dataUrl));
  return serialiseModel(trainCategoryModel(training));
}

if (import.meta.main) {
  const contents = await buildModelFile(Deno.args[0] ? new URL(Deno.args[0], `file://${Deno.cwd()}/`) : trainingDataUrl);
  await Deno.writeTextFile(Deno.args[1] ? new URL(Deno.args[1], `file://${Deno.cwd()}/`) : modelUrl, contents);
  console.log(`wrote model (${contents.length} bytes)`);
}
