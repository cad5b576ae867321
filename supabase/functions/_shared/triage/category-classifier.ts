// Multinomial naive Bayes over stemmed word unigrams and bigrams — small enough to ship as JSON inside the edge
// function bundle, trains in milliseconds, and is transparent: each category's evidence is a word count.
// Trained at build time by supabase/tools/triage-training/train.ts; the model is checked in as model.json.
import { z } from 'npm:zod@4';
import { searchTerms } from '../ai/english-text.ts';
import { TicketCategory, ticketCategories } from './triage-schema.ts';

export const classifierModelName = 'local-naive-bayes-v1';

export const CategoryModel = z.object({
  model: z.literal(classifierModelName),
  categories: z.array(TicketCategory).length(ticketCategories.length),
  /** Laplace/Lidstone smoothing added to every feature count. */
  smoothing: z.number().positive(),
  /** Training tickets per category (the prior). */
  documentCounts: z.array(z.number().int().nonnegative()),
  /** Feature occurrences per category over the whole vocabulary (before pruning), for the likelihood denominator. */
  featureTotals: z.array(z.number().int().nonnegative()),
  vocabularySize: z.number().int().positive(),
  /** feature → occurrences per category, in the order of `categories`; features seen once overall are pruned. */
  features: z.record(z.string(), z.array(z.number().int().nonnegative())),
  trainedOn: z.number().int().positive(),
});
export type CategoryModel = z.infer<typeof CategoryModel>;

/** The subject counts twice: it is usually the customer's own summary of the problem. */
export function ticketFeatures(ticket: { subject: string; body: string }): string[] {
  const features: string[] = [];
  for (const part of [ticket.subject, ticket.subject, ticket.body]) {
    const terms = searchTerms(part);
    for (let index = 0; index < terms.length; index++) {
      features.push(terms[index]);
      if (index > 0) features.push(`${terms[index - 1]} ${terms[index]}`);
    }
  }
  return features;
}

export interface LabelledTicket {
  subject: string;
  body: string;
  category: TicketCategory;
}

export function trainCategoryModel(tickets: readonly LabelledTicket[], smoothing = 0.5): CategoryModel {
  const categories = [...ticketCategories];
  const documentCounts = categories.map(() => 0);
  const featureTotals = categories.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const ticket of tickets) {
    const categoryIndex = categories.indexOf(ticket.category);
    documentCounts[categoryIndex]++;
    for (const feature of ticketFeatures(ticket)) {
      let perCategory = counts.get(feature);
      if (!perCategory) counts.set(feature, perCategory = categories.map(() => 0));
      perCategory[categoryIndex]++;
      featureTotals[categoryIndex]++;
    }
  }
  const features: Record<string, number[]> = {};
  for (const feature of [...counts.keys()].sort()) {
    const perCategory = counts.get(feature)!;
    if (perCategory.reduce((sum, count) => sum + count, 0) >= 2) features[feature] = perCategory;
  }
  return {
    model: classifierModelName,
    categories,
    smoothing,
    documentCounts,
    featureTotals,
    vocabularySize: Math.max(1, counts.size),
    features,
    trainedOn: tickets.length,
  };
}

export interface CategoryPrediction {
  category: TicketCategory;
  /** Tempered posterior of the winning category (see below), 0-1. */
  confidence: number;
  /** Features that pushed most toward the winner, for the reasoning text. */
  evidence: string[];
}

export class CategoryClassifier {
  private readonly logPriors: number[];
  private readonly logUnseen: number[];

  constructor(private readonly model: CategoryModel) {
    const documents = model.documentCounts.reduce((sum, count) => sum + count, 0);
    this.logPriors = model.documentCounts.map((count) => Math.log((count + 1) / (documents + model.categories.length)));
    this.logUnseen = model.featureTotals.map((total) => Math.log(model.smoothing / (total + model.smoothing * model.vocabularySize)));
  }

  predict(ticket: { subject: string; body: string }): CategoryPrediction {
    const scores = [...this.logPriors];
    const known: string[] = [];
    for (const feature of ticketFeatures(ticket)) {
      const perCategory = this.model.features[feature];
      // Features pruned or never seen in training carry no category evidence; skipping them also keeps
      // long tickets full of unknown words from being pulled toward the category with the fewest features.
      if (!perCategory) continue;
      known.push(feature);
      perCategory.forEach((count, index) => {
        scores[index] += Math.log((count + this.model.smoothing) / (this.model.featureTotals[index] + this.model.smoothing * this.model.vocabularySize));
      });
    }
    const best = scores.indexOf(Math.max(...scores));
    // Naive Bayes multiplies correlated evidence and is wildly over-confident; dividing the log-odds by the
    // square root of the evidence count gives probabilities that track accuracy far better for the UI.
    const temperature = Math.max(1, Math.sqrt(known.length));
    const exponentials = scores.map((score) => Math.exp((score - scores[best]) / temperature));
    const confidence = exponentials[best] / exponentials.reduce((sum, value) => sum + value, 0);
    const evidence = [...new Set(known)]
      .map((feature) => {
        const perCategory = this.model.features[feature];
        const lift = (index: number) => Math.log((perCategory[index] + this.model.smoothing) / (this.model.featureTotals[index] + this.model.smoothing * this.model.vocabularySize)) - this.logUnseen[index];
        const others = perCategory.map((_, index) => index).filter((index) => index !== best);
        return { feature, margin: lift(best) - Math.max(...others.map(lift)) };
      })
      .filter((entry) => entry.margin > 0)
      .sort((a, b) => b.margin - a.margin || a.feature.localeCompare(b.feature))
      .slice(0, 4)
      .map((entry) => entry.feature);
    // A word-count model is never certain: cap at 0.99 so the desk never shows a local guess as "100%".
    return { category: this.model.categories[best], confidence: Math.min(0.99, Math.round(confidence * 100) / 100), evidence };
  }
}

/** FNV-1a over the UTF-8 bytes: a stable hash that decides, forever, which tickets are held out of training. */
export function stableTextHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** 20% of tickets, chosen by hash of subject + body, are never trained on and measure accuracy. */
export function isHeldOut(ticket: { subject: string; body: string }): boolean {
  return stableTextHash(`${ticket.subject}\n${ticket.body}`) % 100 < 20;
}
