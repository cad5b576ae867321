// Urgency learned from labelled tickets (issue 15): multinomial naive Bayes over the same stemmed words, bigrams and
// concept features as the category model, PLUS the explicit signals of urgency-signals.ts as features of their own
// ("!signal:safety", "!sentiment:furious", "!question"), so the model learns how much each signal weighs instead of a
// hand-set rule deciding alone.
//
// The costly error is an emergency marked medium, so the decision is biased toward high: a ticket is high when the
// model gives high at least `highThreshold` of the probability (well below the 0.5 an argmax would need), or when a
// severe signal fired at all. Between medium and low the model decides; a plain question or an idea with no signal
// learns to be low from the data (most such training tickets are labelled low).
import { z } from 'npm:zod@4';
import { countNaiveBayes, naiveBayesCountFields, naiveBayesLogScores, ticketFeatures } from './category-classifier.ts';
import { strongNegativeSentimentThreshold, detectUrgencySignals, type FiredUrgencySignal, isPlainQuestion, type UrgencyLevel } from './urgency-signals.ts';
import { urgencyLevels } from './triage-schema.ts';

export const urgencyModelName = 'local-urgency-nb-v2';

export const UrgencyModel = z.object({
  model: z.literal(urgencyModelName),
  levels: z.array(z.enum(urgencyLevels)).length(urgencyLevels.length),
  /** P(high) at or above this makes a ticket high (recall of high over precision). */
  highThreshold: z.number().min(0).max(1),
  ...naiveBayesCountFields,
});
export type UrgencyModel = z.infer<typeof UrgencyModel>;

export interface UrgencyTicket {
  subject: string;
  body: string;
  /** 1-10 sentiment of the customer's own words. */
  sentimentScore: number;
}

/** A signal is one strong piece of evidence: repeated so one match weighs as much as a few telling words. */
const signalWeight = 3;

export function urgencyFeatures(ticket: UrgencyTicket, signals = detectUrgencySignals(`${ticket.subject}\n${ticket.body}`)): string[] {
  const features = ticketFeatures(ticket);
  for (const signal of signals) for (let copy = 0; copy < signalWeight; copy++) features.push(`!signal:${signal.name}`);
  if (ticket.sentimentScore <= strongNegativeSentimentThreshold) for (let copy = 0; copy < signalWeight; copy++) features.push('!sentiment:furious');
  if (signals.length === 0) features.push('!no-signal');
  if (isPlainQuestion(`${ticket.subject}\n${ticket.body}`) || isPlainQuestion(ticket.body)) features.push('!question');
  return features;
}

export function trainUrgencyModel(tickets: readonly (UrgencyTicket & { urgency: UrgencyLevel })[], highThreshold = 0.3): UrgencyModel {
  const levels = [...urgencyLevels];
  const counts = countNaiveBayes(tickets.map((ticket) => ({ features: urgencyFeatures(ticket), labelIndex: levels.indexOf(ticket.urgency) })), levels.length);
  return { model: urgencyModelName, levels, highThreshold, ...counts };
}

export interface UrgencyPrediction {
  urgency: UrgencyLevel;
  /** The model's tempered probability of high, 0-1. */
  probabilityHigh: number;
  signals: FiredUrgencySignal[];
}

export class UrgencyClassifier {
  constructor(private readonly model: UrgencyModel) {}

  predict(ticket: UrgencyTicket): UrgencyPrediction {
    const signals = detectUrgencySignals(`${ticket.subject}\n${ticket.body}`);
    const { scores, known } = naiveBayesLogScores(this.model, urgencyFeatures(ticket, signals));
    // Same tempering as the category model: naive Bayes multiplies correlated evidence and is over-confident.
    const temperature = Math.max(1, Math.sqrt(known.length));
    const top = Math.max(...scores);
    const exponentials = scores.map((score) => Math.exp((score - top) / temperature));
    const total = exponentials.reduce((sum, value) => sum + value, 0);
    const probabilities = exponentials.map((value) => value / total);
    const high = this.model.levels.indexOf('high');
    const probabilityHigh = Math.round(probabilities[high] * 100) / 100;
    if (probabilities[high] >= this.model.highThreshold || signals.some((signal) => signal.severe)) return { urgency: 'high', probabilityHigh, signals };
    const medium = this.model.levels.indexOf('medium');
    const low = this.model.levels.indexOf('low');
    return { urgency: probabilities[medium] >= probabilities[low] ? 'medium' : 'low', probabilityHigh, signals };
  }
}
