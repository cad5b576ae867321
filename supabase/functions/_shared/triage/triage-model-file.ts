// The shape of model.json: both local models and the version stamped by the train command
// (supabase/tools/triage-training/train.ts). The provider reports `version` as the model of every triage result.
import { z } from 'npm:zod@4';
import { CategoryModel } from './category-classifier.ts';
import { UrgencyModel } from './urgency-model.ts';

export const TriageModelFile = z.object({
  version: z.string().regex(/^local-triage-v2-[0-9a-f]{8}$|^pending$/),
  category: CategoryModel,
  urgency: UrgencyModel,
});
export type TriageModelFile = z.infer<typeof TriageModelFile>;
