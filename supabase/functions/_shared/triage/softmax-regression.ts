// Multinomial logistic (softmax) regression over sparse features (words, bigrams, concepts: present or not) and a
// dense vector (the local embedder's meaning of the ticket). The category model (issue 15): naive Bayes counts each
// word's evidence as if the words were independent, which lets a paraphrase full of common words drift to the wrong
// category; a discriminative model learns how much each word weighs given the others, and the embedding carries the
// meaning of words the training set never used (through the embedder's WordNet-grounded semantic dimensions).
//
// Trained at build time by plain stochastic gradient descent with L2 decay, in a fixed order from a fixed seed, and
// rounded, so the same data always gives the same model file (the staleness test compares files byte for byte).
import { z } from 'npm:zod@4';

export const SoftmaxWeights = z.object({
  /** One bias per label. */
  bias: z.array(z.number()),
  /** feature → one weight per label; features whose weights all rounded to 0 are dropped. */
  sparse: z.record(z.string(), z.array(z.number())),
  /** labels × dimensions of the dense input. */
  dense: z.array(z.array(z.number())),
  /** The dense input is multiplied by this before the weights (it balances it against the sparse features). */
  denseScale: z.number().positive(),
  trainedOn: z.number().int().positive(),
});
export type SoftmaxWeights = z.infer<typeof SoftmaxWeights>;

export interface SoftmaxExample {
  /** Distinct feature names present in the example. */
  sparse: readonly string[];
  dense: readonly number[];
  labelIndex: number;
}

export interface SoftmaxTraining {
  epochs: number;
  learningRate: number;
  l2: number;
  denseScale: number;
  seed: number;
}

export const defaultSoftmaxTraining: SoftmaxTraining = { epochs: 20, learningRate: 0.05, l2: 1e-4, denseScale: 3, seed: 7 };

/** A small linear congruential generator: the shuffle is part of the model, so it must never change by itself. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function probabilitiesOf(scores: number[]): number[] {
  const top = Math.max(...scores);
  const exponentials = scores.map((score) => Math.exp(score - top));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return exponentials.map((value) => value / total);
}

const round = (value: number) => Math.round(value * 10_000) / 10_000 || 0;

export function trainSoftmax(examples: readonly SoftmaxExample[], labelCount: number, training: SoftmaxTraining = defaultSoftmaxTraining): SoftmaxWeights {
  const dimensions = examples[0]?.dense.length ?? 0;
  const bias = new Float64Array(labelCount);
  const sparse = new Map<string, Float64Array>();
  const dense = Array.from({ length: labelCount }, () => new Float64Array(dimensions));
  const random = seededRandom(training.seed);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < training.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other], order[index]];
    }
    const rate = training.learningRate / (1 + epoch * 0.1);
    for (const position of order) {
      const example = examples[position];
      const scores = Array.from(bias);
      for (const feature of example.sparse) {
        const weights = sparse.get(feature);
        if (weights) for (let label = 0; label < labelCount; label++) scores[label] += weights[label];
      }
      for (let label = 0; label < labelCount; label++) {
        let sum = 0;
        for (let dimension = 0; dimension < dimensions; dimension++) sum += dense[label][dimension] * example.dense[dimension] * training.denseScale;
        scores[label] += sum;
      }
      const probabilities = probabilitiesOf(scores);
      for (let label = 0; label < labelCount; label++) {
        const gradient = probabilities[label] - (label === example.labelIndex ? 1 : 0);
        bias[label] -= rate * gradient;
        for (const feature of example.sparse) {
          let weights = sparse.get(feature);
          if (!weights) sparse.set(feature, (weights = new Float64Array(labelCount)));
          weights[label] -= rate * (gradient + training.l2 * weights[label]);
        }
        const row = dense[label];
        for (let dimension = 0; dimension < dimensions; dimension++) {
          row[dimension] -= rate * (gradient * example.dense[dimension] * training.denseScale + training.l2 * row[dimension]);
        }
      }
    }
  }
  const kept: Record<string, number[]> = {};
  for (const feature of [...sparse.keys()].sort()) {
    const weights = Array.from(sparse.get(feature)!, round);
    if (weights.some((weight) => weight !== 0)) kept[feature] = weights;
  }
  return {
    bias: Array.from(bias, round),
    sparse: kept,
    dense: dense.map((row) => Array.from(row, round)),
    denseScale: training.denseScale,
    trainedOn: examples.length,
  };
}

/** The probability of each label, and the known features (with their weights) that decided it. */
export function softmaxPredict(model: SoftmaxWeights, sparseFeatures: readonly string[], denseInput: readonly number[] | null): { probabilities: number[]; known: string[] } {
  const scores = [...model.bias];
  const known: string[] = [];
  for (const feature of new Set(sparseFeatures)) {
    const weights = model.sparse[feature];
    if (!weights) continue;
    known.push(feature);
    weights.forEach((weight, label) => (scores[label] += weight));
  }
  if (denseInput) {
    model.dense.forEach((row, label) => {
      let sum = 0;
      for (let dimension = 0; dimension < row.length; dimension++) sum += row[dimension] * (denseInput[dimension] ?? 0) * model.denseScale;
      scores[label] += sum;
    });
  }
  return { probabilities: probabilitiesOf(scores), known };
}
