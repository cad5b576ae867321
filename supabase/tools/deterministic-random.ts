// Deterministic randomness for the dev-time tools: the same seed always gives the same sequence, so generated data
// (triage-training/build-training-data.ts) and trained models (embedder-training/svd.ts) are reproducible and their
// staleness tests can compare files.

/** mulberry32: a small 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
