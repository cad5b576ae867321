// Answer generation for the assistant. Both providers stream text deltas and finish with a summary (citations,
// confidence, usage) that the chat function stores with the assistant message; a low confidence is the signal to
// offer a hand-off to a technician.
//
// Usage:  const stream = provider.streamAnswer(request);
//         let step = await stream.next();
//         while (!step.done) { send(step.value); step = await stream.next(); }
//         const summary = step.value;
import { z } from 'npm:zod@4';
import { searchTerms } from './english-text.ts';
import { sharedLocalEmbedder } from './local-embedder.ts';
import { estimateCostUsd } from './model-prices.ts';
import { createOpenAiClient, type OpenAiConnection, openAiConnectionFromEnv, toAiProviderError } from './openai-client.ts';
import { AiTimeoutError } from './provider-errors.ts';
import { defaultRetryPolicy, type RetryPolicy, withRetries } from './retry.ts';

export interface ChatPassage {
  slug: string;
  title: string;
  text: string;
}

export interface ChatRequest {
  /** The solution area's own instructions (manufacturing, maintenance, support). */
  instructions: string;
  question: string;
  /** Retrieved passages, best first; the answer may cite only these. */
  passages: ChatPassage[];
}

export interface ChatCitation {
  /** The [n] used in the answer text. */
  number: number;
  slug: string;
  title: string;
}

export interface ChatAnswerSummary {
  text: string;
  citations: ChatCitation[];
  /** 0-1; below handOffConfidenceThreshold the assistant offers a technician. */
  confidence: number;
  provider: string;
  model: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  cost_estimate_usd?: number;
  latency_ms: number;
}

export const handOffConfidenceThreshold = 0.35;

/** Said (and detected) when the passages do not contain the answer. */
export const noAnswerSentence = "I couldn't find the answer to that in our help articles.";

export interface ChatProvider {
  readonly name: string;
  readonly model: string;
  /** Yields text deltas; the generator's return value is the summary. */
  streamAnswer(request: ChatRequest): AsyncGenerator<string, ChatAnswerSummary>;
}

/** Reads a whole answer: for tests and for callers that do not stream. */
export async function collectAnswer(stream: AsyncGenerator<string, ChatAnswerSummary>): Promise<{ deltas: string[]; summary: ChatAnswerSummary }> {
  const deltas: string[] = [];
  for (let step = await stream.next();; step = await stream.next()) {
    if (step.done) return { deltas, summary: step.value };
    deltas.push(step.value);
  }
}


// ---------------------------------------------------------------------------------------------------------------
// Local extractive answers: the passage sentences (or a procedure's steps) that best cover the question's terms.

interface AnswerUnit {
  passageIndex: number;
  text: string;
  terms: Set<string>;
  /** Position among the passage's list items, when the unit is a step of a procedure. */
  stepNumber?: number;
}

const listItem = /^\s*(?:\d+[.)]|[-*+])\s+(.*)$/;
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * An article line as a person reads it: markdown emphasis, inline code and link syntax removed (the chat shows plain
 * text), so an answer never shows `**bold**` or `[label](/path)`.
 */
export function plainLine(line: string): string {
  return line
    .replace(/^#+\s*/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])[*_]([^*_\s][^*_]*?)[*_](?=[^*\w]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

/** Table rows and rules ("| Judder | Wax on glass |", "|---|") are layout, not sentences: never quoted. */
const tableLine = /^\s*\|.*\|\s*$|^\s*[-|: ]{3,}\s*$/;

function splitPassage(passage: ChatPassage, passageIndex: number): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  let stepNumber = 0;
  for (const line of passage.text.split('\n')) {
    if (tableLine.test(line)) continue;
    const cleaned = plainLine(line);
    if (!cleaned) continue;
    const item = cleaned.match(listItem);
    if (item) {
      units.push({ passageIndex, text: item[1].trim(), terms: new Set(searchTerms(item[1])), stepNumber: ++stepNumber });
      continue;
    }
    if (line.trimStart().startsWith('#')) continue; // headings are context, not answers
    for (const { segment } of sentenceSegmenter.segment(cleaned)) {
      const sentence = segment.trim();
      if (sentence) units.push({ passageIndex, text: sentence, terms: new Set(searchTerms(sentence)) });
    }
  }
  return units;
}

export class LocalExtractiveChatProvider implements ChatProvider {
  readonly name = 'local';
  readonly model = 'local-extractive-v1';

  /**
   * @param minimumCoverage share of the question's (idf-weighted) terms a sentence must contain to be quoted;
   *   below it, one common shared word ("open") would pass for an answer.
   * @param closestArticleCoverage share of the question's weight the best article (title and text) must hold for the
   *   assistant to point to it when no sentence answers; below it the question is about something else.
   * @param closestArticleWordSimilarity for that share, a question word also counts when the article holds a word
   *   this close to it in the local embedder's trained vectors (customers rarely use the articles' words).
   * @param wordSimilarity cosine of two stems' word vectors (the trained local embedder's by default).
   */
  constructor(
    private readonly minimumCoverage = 0.4,
    private readonly maxSentences = 3,
    private readonly maxSteps = 12,
    private readonly closestArticleCoverage = 0.3,
    private readonly closestArticleSteps = 4,
    private readonly closestArticleWordSimilarity = 0.5,
    private readonly wordSimilarity: (first: string, second: string) => number = (first, second) => sharedLocalEmbedder().termSimilarity(first, second),
  ) {}

  async *streamAnswer(request: ChatRequest): AsyncGenerator<string, ChatAnswerSummary> {
    const started = performance.now();
    const questionTerms = [...new Set(searchTerms(request.question))];
    const units = request.passages.flatMap(splitPassage);
    // Rarer terms say more about what is asked: weight each question term by its inverse frequency over units.
    const weight = new Map(questionTerms.map((term) => {
      const containing = units.filter((unit) => unit.terms.has(term)).length;
      return [term, Math.log(1 + (units.length + 1) / (containing + 1))];
    }));
    const totalWeight = [...weight.values()].reduce((sum, value) => sum + value, 0);
    const coverage = (terms: Iterable<string>) => {
      let covered = 0;
      for (const term of new Set(terms)) covered += weight.get(term) ?? 0;
      return totalWeight === 0 ? 0 : covered / totalWeight;
    };
    // One shared word ("life", "open") is a coincidence, not an answer: ask for two when the question has two.
    const matchedTerms = (terms: Iterable<string>) => {
      const found = new Set<string>();
      for (const term of terms) if (weight.has(term)) found.add(term);
      return found.size;
    };
    const titleTerms = request.passages.map((passage) => new Set(searchTerms(passage.title)));
    // A sentence is read in the context of its article's title ("Car will not start after rain" + "Dab the coil
    // packs dry"), so the title's terms count toward coverage, but the sentence itself must match something.
    const inContext = (unit: AnswerUnit) => [...unit.terms, ...titleTerms[unit.passageIndex]];
    const scored = units
      .map((unit, order) => {
        const unitCoverage = coverage(unit.terms);
        // Earlier passages were ranked higher by retrieval: a small tie-breaking preference for them.
        const score = coverage(inContext(unit)) + 0.25 * unitCoverage - 0.02 * unit.passageIndex;
        return { unit, score, unitCoverage, contextCoverage: coverage(inContext(unit)), order };
      })
      .filter((entry) => entry.unitCoverage > 0 && entry.contextCoverage >= this.minimumCoverage && matchedTerms(inContext(entry.unit)) >= Math.min(2, questionTerms.length))
      .sort((a, b) => b.score - a.score || a.order - b.order);

    let selected: AnswerUnit[] = [];
    let procedure = false;
    const best = scored[0];
    if (best) {
      const bestPassageSteps = units.filter((unit) => unit.passageIndex === best.unit.passageIndex && unit.stepNumber !== undefined);
      const procedureWins = bestPassageSteps.length >= 2 && (best.unit.stepNumber !== undefined || coverage(titleTerms[best.unit.passageIndex]) >= 0.5);
      if (procedureWins) {
        procedure = true;
        const lead = units.find((unit) => unit.passageIndex === best.unit.passageIndex && unit.stepNumber === undefined && coverage(unit.terms) > 0);
        selected = [...(lead ? [lead] : []), ...bestPassageSteps.slice(0, this.maxSteps)];
      } else {
        selected = scored.slice(0, this.maxSentences).map((entry) => entry.unit).sort((a, b) => a.passageIndex - b.passageIndex || units.indexOf(a) - units.indexOf(b));
      }
    }

    const citations: ChatCitation[] = [];
    const citationFor = (passageIndex: number) => {
      const passage = request.passages[passageIndex];
      let citation = citations.find((existing) => existing.slug === passage.slug);
      if (!citation) citations.push(citation = { number: citations.length + 1, slug: passage.slug, title: passage.title });
      return citation.number;
    };

    let text = '';
    const emit = (piece: string) => {
      text += piece;
      return piece;
    };
    // No sentence answers the question in its own words, but retrieval's best article may still be the right one
    // (customers rarely use the articles' words): point to it honestly, with how it starts, and stay below the
    // hand-off threshold so a person is offered. Only when the article shares enough of the question's weight —
    // an unrelated question still gets the plain "couldn't find".
    const closestIndex = selected.length === 0 && request.passages.length > 0 ? 0 : undefined;
    const closestTerms = closestIndex === undefined ? [] : [...titleTerms[closestIndex], ...units.filter((unit) => unit.passageIndex === closestIndex).flatMap((unit) => [...unit.terms])];
    // A question word the article lacks still counts when the article holds a word of the same meaning.
    const closestVocabulary = new Set(closestTerms);
    const meaningMatched = questionTerms.filter((term) =>
      closestVocabulary.has(term) || [...closestVocabulary].some((other) => this.wordSimilarity(term, other) >= this.closestArticleWordSimilarity)
    );
    const pointToClosest = closestIndex !== undefined && coverage(meaningMatched) >= this.closestArticleCoverage && meaningMatched.length >= 1;

    let confidence: number;
    if (selected.length > 0) {
      const sentences = selected.filter((unit) => !procedure || unit.stepNumber === undefined);
      const steps = procedure ? selected.filter((unit) => unit.stepNumber !== undefined) : [];
      for (const [index, unit] of sentences.entries()) yield emit(`${index === 0 ? '' : ' '}${unit.text} [${citationFor(unit.passageIndex)}]`);
      if (sentences.length === 0) yield emit(`From "${request.passages[steps[0]!.passageIndex]!.title}" [${citationFor(steps[0]!.passageIndex)}]:`);
      // Steps are renumbered from 1: an article's "3." quoted alone would read as a stray number.
      for (const [index, unit] of steps.entries()) yield emit(`\n${index + 1}. ${unit.text} [${citationFor(unit.passageIndex)}]`);
      confidence = coverage(selected.flatMap(inContext));
    } else if (pointToClosest) {
      const passageIndex = closestIndex!;
      const marker = `[${citationFor(passageIndex)}]`;
      yield emit(`The closest help article I found is "${request.passages[passageIndex]!.title}" ${marker}. It may not match exactly what you describe.`);
      const articleUnits = units.filter((unit) => unit.passageIndex === passageIndex);
      const articleSteps = articleUnits.filter((unit) => unit.stepNumber !== undefined).slice(0, this.closestArticleSteps);
      if (articleSteps.length >= 2) {
        yield emit(' It starts with:');
        for (const [index, unit] of articleSteps.entries()) yield emit(`\n${index + 1}. ${unit.text}`);
      } else {
        const opening = articleUnits.filter((unit) => unit.stepNumber === undefined).slice(0, 2).map((unit) => unit.text).join(' ');
        if (opening) yield emit(` ${opening}`);
      }
      confidence = Math.min(coverage(meaningMatched), handOffConfidenceThreshold - 0.05);
    } else {
      yield emit(noAnswerSentence);
      confidence = 0;
    }
    return {
      text,
      citations,
      confidence: Math.round(Math.max(0, confidence) * 100) / 100,
      provider: this.name,
      model: this.model,
      latency_ms: Math.round(performance.now() - started),
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// OpenAI: streaming chat completions grounded in the numbered passages.

export const groundingRules = [
  'Answer only from the numbered passages below. Cite every statement with the passage number in brackets, like [1] or [2].',
  `If the passages do not contain the answer, reply exactly: "${noAnswerSentence}" and nothing else. Never invent facts, prices, policies, part numbers or steps that are not in the passages.`,
  'When a passage describes a procedure, give its steps in order as a numbered list.',
  'Be brief and polite. Do not mention "passages"; call them help articles.',
].join('\n');

export function passagesPrompt(passages: readonly ChatPassage[]): string {
  if (passages.length === 0) return '(no help articles were found)';
  return passages.map((passage, index) => `[${index + 1}] ${passage.title} (/help/${passage.slug})\n${passage.text}`).join('\n\n');
}

const streamChunk = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({ delta: z.object({ content: z.string().nullish() }).partial() })).default([]),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

export class OpenAiChatProvider implements ChatProvider {
  readonly name = 'openai';
  readonly model: string;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly client;

  private readonly idleTimeoutMs: number;

  constructor(connection: OpenAiConnection, options: { model?: string; timeoutMs?: number; idleTimeoutMs?: number; retryPolicy?: RetryPolicy } = {}) {
    this.model = options.model ?? 'gpt-4o-mini';
    this.idleTimeoutMs = options.idleTimeoutMs ?? 15_000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
    this.client = createOpenAiClient(connection, this.timeoutMs);
  }

  async *streamAnswer(request: ChatRequest): AsyncGenerator<string, ChatAnswerSummary> {
    const started = performance.now();
    // Retries cover opening the stream only: once text has reached the customer, repeating it would garble the answer.
    const { value: stream } = await withRetries(this.retryPolicy, async () => {
      try {
        return await this.client.chat.completions.create({
          model: this.model,
          stream: true,
          stream_options: { include_usage: true },
          temperature: 0.1,
          messages: [
            { role: 'system', content: `${request.instructions}\n\n${groundingRules}` },
            { role: 'user', content: `Help articles:\n\n${passagesPrompt(request.passages)}\n\nCustomer question: ${request.question}` },
          ],
        });
      } catch (error) {
        throw toAiProviderError(error, this.timeoutMs);
      }
    });
    let text = '';
    let model = this.model;
    let usage: ChatAnswerSummary['usage'];
    // The SDK's timeout ends when the response headers arrive; a stream that stalls afterwards would hold the
    // customer's SSE connection open forever, so every chunk must arrive within the idle timeout.
    const chunks = stream[Symbol.asyncIterator]();
    const nextChunkWithin = async (ms: number) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stalled = new Promise<'stalled'>((resolve) => timer = setTimeout(() => resolve('stalled'), ms));
      try {
        const next = await Promise.race([chunks.next(), stalled]);
        if (next === 'stalled') {
          stream.controller.abort();
          throw new AiTimeoutError(ms, 1);
        }
        return next;
      } finally {
        clearTimeout(timer);
      }
    };
    try {
      for (let next = await nextChunkWithin(this.idleTimeoutMs); !next.done; next = await nextChunkWithin(this.idleTimeoutMs)) {
        const rawChunk = next.value;
        const chunk = streamChunk.safeParse(rawChunk);
        if (!chunk.success) continue;
        model = chunk.data.model ?? model;
        if (chunk.data.usage) usage = { prompt_tokens: chunk.data.usage.prompt_tokens, completion_tokens: chunk.data.usage.completion_tokens };
        const delta = chunk.data.choices[0]?.delta?.content;
        if (delta) {
          text += delta;
          yield delta;
        }
      }
    } catch (error) {
      throw toAiProviderError(error, this.idleTimeoutMs);
    }
    const cited = new Set([...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
    const citations = [...cited]
      .filter((number) => number >= 1 && number <= request.passages.length)
      .sort((a, b) => a - b)
      .map((number) => ({ number, slug: request.passages[number - 1].slug, title: request.passages[number - 1].title }));
    const declined = text.includes(noAnswerSentence.slice(0, 40));
    // The model gives no calibrated confidence: a refusal or an uncited answer is low, a cited answer high.
    const confidence = declined || request.passages.length === 0 ? 0.1 : citations.length === 0 ? 0.3 : 0.8;
    return {
      text,
      citations,
      confidence,
      provider: this.name,
      model,
      usage,
      cost_estimate_usd: usage ? estimateCostUsd(model, usage) : undefined,
      latency_ms: Math.round(performance.now() - started),
    };
  }
}

export function chatProviderFromEnv(env: (name: string) => string | undefined = (name) => Deno.env.get(name)): ChatProvider {
  const connection = openAiConnectionFromEnv(env);
  return connection ? new OpenAiChatProvider(connection, { model: env('OPENAI_MODEL') || undefined }) : new LocalExtractiveChatProvider();
}
