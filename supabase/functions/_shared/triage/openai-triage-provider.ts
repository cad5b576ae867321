// Triage with an OpenAI (or OpenAI-compatible) chat model using structured outputs. The SDK never retries on
// its own (maxRetries: 0): withRetries() does, with backoff and jitter, so the attempt count and the final
// error reach the worker. The model's answer is validated by the same zod schema the JSON schema came from;
// anything else is an InvalidModelOutputError.
import { z } from 'npm:zod@4';
import { estimateCostUsd } from '../ai/model-prices.ts';
import { createOpenAiClient, type OpenAiConnection, toAiProviderError } from '../ai/openai-client.ts';
import { InvalidModelOutputError } from '../ai/provider-errors.ts';
import { defaultRetryPolicy, type RetryPolicy, withRetries } from '../ai/retry.ts';
import { ModelTriageOutput, type TicketForTriage, type TriageContext, type TriageProvider, TriageResult } from './triage-schema.ts';

export const defaultOpenAiTriageModel = 'gpt-4o-mini';

// Strict structured outputs accept only a subset of JSON Schema; length limits stay in zod, which checks after.
const keywordsStrictModeRejects = new Set(['$schema', 'minLength', 'maxLength']);

function withoutUnsupportedKeywords(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutUnsupportedKeywords);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).filter(([key]) => !keywordsStrictModeRejects.has(key)).map(([key, value]) => [key, withoutUnsupportedKeywords(value)]),
  );
}

/** The JSON schema sent as `response_format`, generated from ModelTriageOutput so the two can never drift apart. */
export const triageJsonSchema = withoutUnsupportedKeywords(z.toJSONSchema(ModelTriageOutput, { target: 'draft-7' })) as Record<string, unknown>;

export const triageInstructions = [
  'You triage customer support tickets for a company that sells software and connected equipment.',
  'Return JSON matching the schema:',
  '- category: "billing" (charges, invoices, refunds, plans, payment), "technical" (something does not work, errors, how-to, devices), or "feature_request" (asks for something the product does not do).',
  '- sentiment_score: integer 1-10 for the customer\'s mood; 1 = furious, 5 = neutral, 10 = delighted.',
  '- urgency: "high" for outages affecting many, security or fraud, double charges, physical safety (brakes, smoke, fire, airbags), or hard deadlines today; "low" for feature requests and questions without impact; otherwise "medium".',
  '- draft_reply: a polite reply to the customer that addresses their issue. Use only facts from the ticket and the knowledge-base articles given. If one article fits, cite it by title with its link /help/<slug>. Never promise refunds, credits, dates or fixes, and never invent policies, prices or steps.',
  '- confidence: 0-1, how sure you are of the category.',
  '- reasoning: one or two sentences for the technician explaining category and urgency.',
].join('\n');

export function triageUserMessage(ticket: TicketForTriage, context: TriageContext): string {
  const articles = context.kbArticles.length
    ? context.kbArticles.map((article) => `- "${article.title}" (/help/${article.slug}): ${article.snippet}`).join('\n')
    : '(none found)';
  return [
    `Channel: ${ticket.channel ?? 'unknown'}`,
    `Customer tier: ${ticket.customerTier ?? 'unknown'}`,
    `Subject: ${ticket.subject}`,
    'Body:',
    ticket.body,
    '',
    'Knowledge-base articles that may be relevant:',
    articles,
  ].join('\n');
}

export interface OpenAiTriageOptions {
  model?: string;
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
}

const completionShape = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({
    message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }),
    finish_reason: z.string().nullable().optional(),
  })).min(1),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).nullish(),
});

export class OpenAiTriageProvider implements TriageProvider {
  readonly name = 'openai';
  readonly model: string;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly client;

  constructor(connection: OpenAiConnection, options: OpenAiTriageOptions = {}) {
    this.model = options.model ?? defaultOpenAiTriageModel;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
    this.client = createOpenAiClient(connection, this.timeoutMs);
  }

  async triage(ticket: TicketForTriage, context: TriageContext): Promise<TriageResult> {
    const { value, attempts } = await withRetries(this.retryPolicy, async (attempt) => {
      const started = performance.now();
      let raw: unknown;
      try {
        raw = await this.client.chat.completions.create({
          model: this.model,
          temperature: 0.2,
          messages: [
            { role: 'system', content: triageInstructions },
            { role: 'user', content: triageUserMessage(ticket, context) },
          ],
          response_format: { type: 'json_schema', json_schema: { name: 'ticket_triage', strict: true, schema: triageJsonSchema } },
        });
      } catch (error) {
        throw toAiProviderError(error, this.timeoutMs);
      }
      const latencyMs = Math.round(performance.now() - started);
      const completion = completionShape.safeParse(raw);
      if (!completion.success) throw new InvalidModelOutputError('the completion has an unexpected shape', attempt, JSON.stringify(raw).slice(0, 2000));
      const message = completion.data.choices[0].message;
      const content = message.content ?? '';
      if (message.refusal) throw new InvalidModelOutputError(`the model refused: ${message.refusal}`, attempt, message.refusal);
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch (error) {
        throw new InvalidModelOutputError('the model did not return valid JSON', attempt, content.slice(0, 2000), { cause: error });
      }
      const output = ModelTriageOutput.safeParse(json);
      if (!output.success) {
        const problems = output.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
        throw new InvalidModelOutputError(`the model's triage does not match the schema: ${problems}`, attempt, content.slice(0, 2000));
      }
      return { output: output.data, model: completion.data.model ?? this.model, usage: completion.data.usage ?? undefined, latencyMs };
    });
    return TriageResult.parse({
      ...value.output,
      model: value.model,
      provider: this.name,
      usage: value.usage,
      cost_estimate_usd: value.usage ? estimateCostUsd(value.model, value.usage) : undefined,
      latency_ms: value.latencyMs,
      attempts,
    });
  }
}
