// The local category model (issue 15): softmax regression (softmax-regression.ts) over stemmed word unigrams,
// bigrams and concept features — present or not — plus the local embedder's vector of the ticket, so a paraphrase
// in words the training set never used still lands by meaning. Small enough to ship as JSON inside the edge
// function bundle and trained in seconds by supabase/tools/triage-training/train.ts; the model is model.json.
//
// Multinomial naive Bayes (the counts below) was the category model until measured on unseen wording: 0.78 on the
// held-out set against 0.875 for this one. It remains the urgency model's learner (urgency-model.ts).
import { z } from 'npm:zod@4';
import { searchTerms } from '../ai/english-text.ts';
import { sharedLocalEmbedder } from '../ai/local-embedder.ts';
import { defaultSoftmaxTraining, softmaxPredict, SoftmaxWeights, trainSoftmax } from './softmax-regression.ts';
import { TicketCategory, ticketCategories } from './triage-schema.ts';

export const classifierModelName = 'local-category-softmax-v1';

/** The counts of a multinomial naive Bayes model, in the order of its labels (here: urgency levels). */
export const naiveBayesCountFields = {
  /** Laplace/Lidstone smoothing added to every feature count. */
  smoothing: z.number().positive(),
  /** Training tickets per label (the prior). */
  documentCounts: z.array(z.number().int().nonnegative()),
  /** Feature occurrences per label over the whole vocabulary (before pruning), for the likelihood denominator. */
  featureTotals: z.array(z.number().int().nonnegative()),
  vocabularySize: z.number().int().positive(),
  /** feature → occurrences per label; features seen once overall are pruned. */
  features: z.record(z.string(), z.array(z.number().int().nonnegative())),
  trainedOn: z.number().int().positive(),
};

export const CategoryModel = z.object({
  model: z.literal(classifierModelName),
  categories: z.array(TicketCategory).length(ticketCategories.length),
  /** The local embedder whose vectors the dense weights were trained on (its model version). */
  embeddingModel: z.string(),
  ...SoftmaxWeights.shape,
});
export type CategoryModel = z.infer<typeof CategoryModel>;

// A small domain lexicon: stems that mean the same thing to a support desk share one concept feature ("~money"),
// so a paraphrase with a word the training set never used still carries evidence. Written by hand for this
// business (issue 15); stems are those of `searchTerms` (Porter2).
const domainLexicon: Record<string, readonly string[]> = {
  '~money': ['charg', 'bill', 'invoic', 'payment', 'paid', 'pay', 'refund', 'fee', 'price', 'cost', 'receipt', 'card', 'debit', 'credit', 'deposit', 'balanc', 'subscript', 'instal', 'discount', 'promo', 'vat', 'overcharg', 'overbil', 'money', 'transact', 'statement', 'quot', 'bank', 'dollar', 'euro', 'cash'],
  '~vehicle': ['car', 'vehicl', 'truck', 'van', 'pickup', 'suv', 'fleet', 'motor', 'auto'],
  '~software': ['app', 'websit', 'site', 'portal', 'page', 'login', 'log', 'password', 'screen', 'browser', 'phone', 'email', 'sms', 'notif', 'download', 'upload', 'sync', 'firmwar', 'updat'],
  '~fault': ['crash', 'error', 'broken', 'broke', 'fail', 'stuck', 'freez', 'frozen', 'nois', 'leak', 'light', 'warn', 'smoke', 'overheat', 'grind', 'squeal', 'clunk', 'vibrat', 'rattl', 'spongi', 'stall', 'corrupt', 'wipe', 'bug', 'glitch'],
  '~wish': ['add', 'wish', 'suggest', 'idea', 'love', 'nice', 'featur', 'option', 'consid', 'plan', 'support', 'integr', 'could', 'would', 'abil', 'allow', 'let', 'request', 'great', 'handi', 'improv'],
};
const conceptOfStem = new Map<string, string>(Object.entries(domainLexicon).flatMap(([concept, stems]) => stems.map((stem) => [stem, concept] as const)));

/** The subject counts twice: it is usually the customer's own summary of the problem. */
export function ticketFeatures(ticket: { subject: string; body: string }): string[] {
  const features: string[] = [];
  for (const part of [ticket.subject, ticket.subject, ticket.body]) {
    const terms = searchTerms(part);
    for (let index = 0; index < terms.length; index++) {
      features.push(terms[index]);
      const concept = conceptOfStem.get(terms[index]);
      if (concept) features.push(concept);
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

/** Multinomial naive Bayes counts over any label set: the category model and the urgency model share it. */
export interface NaiveBayesCounts {
  smoothing: number;
  documentCounts: number[];
  featureTotals: number[];
  vocabularySize: number;
  features: Record<string, number[]>;
  trainedOn: number;
}

export function countNaiveBayes(examples: readonly { features: readonly string[]; labelIndex: number }[], labelCount: number, smoothing = 0.5): NaiveBayesCounts {
  const documentCounts = Array.from({ length: labelCount }, () => 0);
  const featureTotals = Array.from({ length: labelCount }, () => 0);
  const counts = new Map<string, number[]>();
  for (const example of examples) {
    documentCounts[example.labelIndex]++;
    for (const feature of example.features) {
      let perLabel = counts.get(feature);
      if (!perLabel) counts.set(feature, perLabel = Array.from({ length: labelCount }, () => 0));
      perLabel[example.labelIndex]++;
      featureTotals[example.labelIndex]++;
    }
  }
  const features: Record<string, number[]> = {};
  for (const feature of [...counts.keys()].sort()) {
    const perLabel = counts.get(feature)!;
    if (perLabel.reduce((sum, count) => sum + count, 0) >= 2) features[feature] = perLabel;
  }
  return { smoothing, documentCounts, featureTotals, vocabularySize: Math.max(1, counts.size), features, trainedOn: examples.length };
}

/** Log prior + summed log likelihoods per label, over the features the model knows; and which features it knew. */
export function naiveBayesLogScores(model: NaiveBayesCounts, features: readonly string[]): { scores: number[]; known: string[] } {
  const documents = model.documentCounts.reduce((sum, count) => sum + count, 0);
  const scores = model.documentCounts.map((count) => Math.log((count + 1) / (documents + model.documentCounts.length)));
  const known: string[] = [];
  for (const feature of features) {
    const perLabel = model.features[feature];
    // Features pruned or never seen in training carry no evidence; skipping them also keeps long tickets full of
    // unknown words from being pulled toward the label with the fewest features.
    if (!perLabel) continue;
    known.push(feature);
    perLabel.forEach((count, index) => {
      scores[index] += Math.log((count + model.smoothing) / (model.featureTotals[index] + model.smoothing * model.vocabularySize));
    });
  }
  return { scores, known };
}

/** The meaning of a ticket as the local embedder reads it (subject and body together). */
function ticketMeaning(ticket: { subject: string; body: string }): number[] {
  return sharedLocalEmbedder().embedOne(`${ticket.subject}\n${ticket.body}`);
}

export function trainCategoryModel(tickets: readonly LabelledTicket[]): CategoryModel {
  const categories = [...ticketCategories];
  const weights = trainSoftmax(
    tickets.map((ticket) => ({ sparse: [...new Set(ticketFeatures(ticket))], dense: ticketMeaning(ticket), labelIndex: categories.indexOf(ticket.category) })),
    categories.length,
    defaultSoftmaxTraining,
  );
  return { model: classifierModelName, categories, embeddingModel: sharedLocalEmbedder().model, ...weights };
}

export interface CategoryPrediction {
  category: TicketCategory;
  /** The model's probability of the winning category, 0-1. */
  confidence: number;
  /** Words that pushed most toward the winner, for the model details. */
  evidence: string[];
}

export class CategoryClassifier {
  /** False when the embedder has changed since training: its vectors would mean nothing to the dense weights. */
  private readonly readsMeaning: boolean;

  constructor(private readonly model: CategoryModel) {
    this.readsMeaning = model.embeddingModel === sharedLocalEmbedder().model;
    if (!this.readsMeaning) {
      console.warn(`triage: the category model was trained on embedder ${model.embeddingModel}, not ${sharedLocalEmbedder().model}; categorising by words alone until \`npm run train -- triage\` runs`);
    }
  }

  predict(ticket: { subject: string; body: string }): CategoryPrediction {
    const { probabilities, known } = softmaxPredict(this.model, ticketFeatures(ticket), this.readsMeaning ? ticketMeaning(ticket) : null);
    const best = probabilities.indexOf(Math.max(...probabilities));
    const evidence = known
      .map((feature) => {
        const weights = this.model.sparse[feature];
        return { feature, margin: weights[best] - Math.max(...weights.filter((_, index) => index !== best)) };
      })
      .filter((entry) => entry.margin > 0 && !entry.feature.startsWith('~'))
      .sort((a, b) => b.margin - a.margin || a.feature.localeCompare(b.feature))
      .slice(0, 4)
      .map((entry) => entry.feature);
    // A local model is never certain: cap at 0.99 so the desk never shows a local guess as "100%".
    return { category: this.model.categories[best], confidence: Math.min(0.99, Math.round(probabilities[best] * 100) / 100), evidence };
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
