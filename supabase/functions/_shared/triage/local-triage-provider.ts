// The default provider with no API key: deterministic, no network, milliseconds per ticket.
// Category from the trained softmax regression, urgency from naive Bayes with signal features (model.json, rebuilt by
// the train command), sentiment from AFINN over the customer's own words, and a reply citing the best-matching KB
// article from the context.
import { searchTerms } from '../ai/english-text.ts';
import { CategoryClassifier } from './category-classifier.ts';
import { customerOwnWords } from './customer-words.ts';
import { ticketTopic } from './ticket-topic.ts';
import { TriageModelFile } from './triage-model-file.ts';
import { UrgencyClassifier } from './urgency-model.ts';
import { composeDraftReply } from './draft-reply.ts';
import trainedModel from './model.json' with { type: 'json' };
import { estimateSentiment } from './sentiment-score.ts';
import { type KbArticleForTriage, type TicketCategory, type TicketForTriage, type TriageContext, type TriageProvider, TriageResult } from './triage-schema.ts';


/** The first article, in the retrieval's own ranking (the context is best first, BM25F over title and body), that
 *  shares a search term with the ticket; none when nothing overlaps. Re-ranking here by raw term overlap was a second
 *  ranking rule and picked the squeal article for a spongy pedal (issue 15). */
export function bestMatchingArticle(ticketText: string, articles: readonly KbArticleForTriage[]): KbArticleForTriage | undefined {
  const ticketTerms = new Set(searchTerms(ticketText));
  return articles.find((article) => searchTerms(`${article.title} ${article.snippet}`).some((term) => ticketTerms.has(term)));
}

const categoryLabel: Record<TicketCategory, string> = { billing: 'Billing', technical: 'Technical', feature_request: 'Feature request' };
const urgencyLabel = { high: 'High', medium: 'Medium', low: 'Low' } as const;

export class LocalTriageProvider implements TriageProvider {
  readonly name = 'local';
  /** The trained model's stamped version, reported as the `model` of every result. */
  readonly modelVersion: string;
  private readonly categoryClassifier: CategoryClassifier;
  private readonly urgencyClassifier: UrgencyClassifier;

  constructor(modelFile: TriageModelFile = TriageModelFile.parse(trainedModel)) {
    this.modelVersion = modelFile.version;
    this.categoryClassifier = new CategoryClassifier(modelFile.category);
    this.urgencyClassifier = new UrgencyClassifier(modelFile.urgency);
  }

  triage(ticket: TicketForTriage, context: TriageContext): Promise<TriageResult> {
    const started = performance.now();
    // Only what the customer wrote is evidence: a hand-off transcript also holds the assistant's words.
    const words = { subject: ticket.subject, body: customerOwnWords(ticket.body) };
    const text = `${words.subject}\n${words.body}`;
    const prediction = this.categoryClassifier.predict(words);
    const sentiment = estimateSentiment(text);
    const urgency = this.urgencyClassifier.predict({ ...words, sentimentScore: sentiment.score });
    const article = bestMatchingArticle(text, context.kbArticles);
    const leadSignal = urgency.signals.find((signal) => signal.severe) ?? urgency.signals[0];
    const urgencySentence = leadSignal
      ? `${urgencyLabel[urgency.urgency]}: ${leadSignal.name} — '${leadSignal.quote}'.`
      : urgency.urgency === 'high'
      ? `High: the wording reads like an emergency (${Math.round(urgency.probabilityHigh * 100)}% by the model).`
      : `${urgencyLabel[urgency.urgency]}: no sign of an emergency${urgency.urgency === 'low' ? ' — a question or an idea' : ''}.`;
    const topic = ticketTopic(text);
    const reasoning = `${urgencySentence} ${categoryLabel[prediction.category]}${topic ? `: ${topic.name}` : ''}.`;
    const modelDetails = [
      `Model ${this.modelVersion}.`,
      `Category by softmax regression over the words and their meaning (local embedder), confidence ${prediction.confidence}${prediction.evidence.length ? `; evidence: ${prediction.evidence.join(', ')}` : ''}.`,
      `Urgency by naive Bayes with signal features: P(high) ${urgency.probabilityHigh}${urgency.signals.length ? `; signals: ${urgency.signals.map((signal) => `${signal.name} ("${signal.quote}")`).join(', ')}` : ''}.`,
      `Sentiment ${sentiment.score}/10 from the customer's words (AFINN ${sentiment.afinnScore}${sentiment.negativeWords.length ? `; negative: ${sentiment.negativeWords.slice(0, 5).join(', ')}` : ''}${sentiment.positiveWords.length ? `; positive: ${sentiment.positiveWords.slice(0, 5).join(', ')}` : ''}).`,
    ].join(' ');
    return Promise.resolve(TriageResult.parse({
      category: prediction.category,
      sentiment_score: sentiment.score,
      urgency: urgency.urgency,
      draft_reply: composeDraftReply({
        customerText: text,
        topic,
        category: prediction.category,
        urgency: urgency.urgency,
        signals: urgency.signals.map((signal) => signal.name),
        bestArticle: article,
      }),
      confidence: prediction.confidence,
      reasoning: reasoning.slice(0, 2000),
      model_details: modelDetails.slice(0, 2000),
      model: this.modelVersion,
      provider: this.name,
      latency_ms: Math.round((performance.now() - started) * 100) / 100,
      attempts: 1,
    }));
  }
}
