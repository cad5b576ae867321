// The triage contract shared by every provider, the worker and the UI. `ModelTriageOutput` is exactly what a
// model must produce (and what the JSON schema for structured outputs is generated from); `TriageResult` adds
// what we know about the call itself.
import { z } from 'npm:zod@4';

export const ticketCategories = ['billing', 'technical', 'feature_request'] as const;
export const urgencyLevels = ['high', 'medium', 'low'] as const;

export const TicketCategory = z.enum(ticketCategories);
export type TicketCategory = z.infer<typeof TicketCategory>;

export const ModelTriageOutput = z.object({
  category: TicketCategory,
  sentiment_score: z.number().int().min(1).max(10).describe('1 = furious, 5-6 = neutral, 10 = delighted'),
  urgency: z.enum(urgencyLevels),
  draft_reply: z.string().min(1).max(4000),
  confidence: z.number().min(0).max(1),
  reasoning: z.string().max(2000),
}).strict();
export type ModelTriageOutput = z.infer<typeof ModelTriageOutput>;

export const TokenUsage = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

export const TriageResult = ModelTriageOutput.extend({
  /** Model name as reported by the provider (e.g. 'gpt-4o-mini-2024-07-18' or 'local-triage-v2-94253af5'). */
  model: z.string().min(1),
  /** Provider name shown in the UI next to every AI output ('openai' or 'local'). */
  provider: z.string().min(1),
  usage: TokenUsage.optional(),
  cost_estimate_usd: z.number().nonnegative().optional(),
  latency_ms: z.number().nonnegative().optional(),
  /** How the model reached its answer (probabilities, evidence features) for a "model details" disclosure; the
   *  technician's one or two sentences stay in `reasoning`. */
  model_details: z.string().max(2000).optional(),
  /** Calls made to the provider, including retried ones. */
  attempts: z.number().int().positive().optional(),
});
export type TriageResult = z.infer<typeof TriageResult>;

export const TicketForTriage = z.object({
  subject: z.string().max(500),
  body: z.string().max(20_000),
  channel: z.string().max(50).optional(),
  customerTier: z.string().max(50).optional(),
});
export type TicketForTriage = z.infer<typeof TicketForTriage>;

export interface KbArticleForTriage {
  slug: string;
  title: string;
  snippet: string;
}

export interface TriageContext {
  /** Best-matching articles first; the draft reply cites from these only. */
  kbArticles: KbArticleForTriage[];
}

export interface TriageProvider {
  /** 'openai' or 'local', stored with the result and shown in the UI. */
  readonly name: string;
  triage(ticket: TicketForTriage, context: TriageContext): Promise<TriageResult>;
}
