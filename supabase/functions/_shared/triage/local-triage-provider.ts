// The default provider with no API key: deterministic, no network, milliseconds per ticket.
// Category from the trained naive Bayes model (model.json), sentiment from AFINN, urgency from explicit signals,
// and a template reply citing the best-matching KB article from the context.
import { searchTerms } from '../ai/english-text.ts';
import { CategoryClassifier, CategoryModel } from './category-classifier.ts';
import { composeDraftReply } from './draft-reply.ts';
import trainedModel from './model.json' with { type: 'json' };
import { estimateSentiment } from './sentiment-score.ts';
import { type KbArticleForTriage, type TicketForTriage, type TriageContext, type TriageProvider, TriageResult } from './triage-schema.ts';
import { assessUrgency } from './urgency-signals.ts';

export const localTriageModelName = 'local-naive-bayes-v1+afinn';

/** The article sharing the most distinct search terms with the ticket; none when nothing overlaps. */
export function bestMatchingArticle(ticketText: string, articles: readonly KbArticleForTriage[]): KbArticleForTriage | undefined {
  const ticketTerms = new Set(searchTerms(ticketText));
  let best: { article: KbArticleForTriage; overlap: number } | undefined;
  for (const article of articles) {
    const articleTerms = new Set(searchTerms(`${article.title} ${article.title} ${article.snippet}`));
    let overlap = 0;
    for (const term of articleTerms) if (ticketTerms.has(term)) overlap++;
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { article, overlap };
  }
  return best?.article;
}

export class LocalTriageProvider implements TriageProvider {
  readonly name = 'local';
  private readonly classifier: CategoryClassifier;

  constructor(model: CategoryModel = CategoryModel.parse(trainedModel)) {
    this.classifier = new CategoryClassifier(model);
  }

  triage(ticket: TicketForTriage, context: TriageContext): Promise<TriageResult> {
    const started = performance.now();
    const text = `${ticket.subject}\n${ticket.body}`;
    const prediction = this.classifier.predict(ticket);
    const sentiment = estimateSentiment(text);
    const urgency = assessUrgency({ text, sentimentScore: sentiment.score, category: prediction.category });
    const article = bestMatchingArticle(text, context.kbArticles);
    const reasoning = [
      `Category ${prediction.category} (naive Bayes, confidence ${prediction.confidence}${prediction.evidence.length ? `; evidence: ${prediction.evidence.join(', ')}` : ''}).`,
      `Sentiment ${sentiment.score}/10 (AFINN ${sentiment.afinnScore}${sentiment.negativeWords.length ? `; negative: ${sentiment.negativeWords.slice(0, 5).join(', ')}` : ''}${sentiment.positiveWords.length ? `; positive: ${sentiment.positiveWords.slice(0, 5).join(', ')}` : ''}).`,
      `Urgency ${urgency.urgency}: ${urgency.reasons.join('; ')}.`,
      article ? `Cited KB article: ${article.slug}.` : 'No matching KB article in context.',
    ].join(' ');
    return Promise.resolve(TriageResult.parse({
      category: prediction.category,
      sentiment_score: sentiment.score,
      urgency: urgency.urgency,
      draft_reply: composeDraftReply({
        subject: ticket.subject,
        category: prediction.category,
        urgency: urgency.urgency,
        signals: urgency.signals,
        bestArticle: article,
      }),
      confidence: prediction.confidence,
      reasoning: reasoning.slice(0, 2000),
      model: localTriageModelName,
      provider: this.name,
      latency_ms: Math.round((performance.now() - started) * 100) / 100,
      attempts: 1,
    }));
  }
}
