// Prices in US dollars per million tokens, for the cost estimate recorded with every AI call. Estimates only:
// update when the provider changes prices; unknown models (e.g. a self-hosted OpenAI-compatible server) cost 0.
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

const pricesByModel: Record<string, ModelPrice> = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'text-embedding-3-small': { inputPerMillion: 0.02, outputPerMillion: 0 },
  'text-embedding-3-large': { inputPerMillion: 0.13, outputPerMillion: 0 },
};

/** Matches dated snapshots too ("gpt-4o-mini-2024-07-18" → "gpt-4o-mini"), preferring the longest known prefix. */
export function priceForModel(model: string): ModelPrice | undefined {
  const known = Object.keys(pricesByModel).filter((name) => model === name || model.startsWith(`${name}-`));
  known.sort((a, b) => b.length - a.length);
  return known[0] === undefined ? undefined : pricesByModel[known[0]];
}

export function estimateCostUsd(model: string, usage: { prompt_tokens: number; completion_tokens: number }): number {
  const price = priceForModel(model);
  if (!price) return 0;
  const dollars = (usage.prompt_tokens * price.inputPerMillion + usage.completion_tokens * price.outputPerMillion) / 1e6;
  return Math.round(dollars * 1e8) / 1e8;
}
