// Reciprocal-rank fusion (Cormack et al., 2009): score(d) = Σ_lists weight / (k + rank_d), rank 1-based. It needs
// no score calibration between cosine distances and ts_rank, which live on unrelated scales. k = 60 is the
// paper's value and what Supabase's hybrid-search example uses; it damps the influence of any single list's top.

export const reciprocalRankFusionK = 60;

export interface FusedResult<Id> {
  id: Id;
  score: number;
  /** 1-based rank of the item in each input list, undefined where the list did not contain it. */
  ranks: Array<number | undefined>;
}

/**
 * Fuses several best-first rankings of ids. Duplicates inside one list count at their best rank only.
 * Ties are broken by the best single rank, then by first appearance, so the result is deterministic.
 */
export function reciprocalRankFusion<Id>(
  rankings: ReadonlyArray<ReadonlyArray<Id>>,
  options: { k?: number; weights?: readonly number[] } = {},
): FusedResult<Id>[] {
  const k = options.k ?? reciprocalRankFusionK;
  if (!(k >= 0)) throw new RangeError('k must be a non-negative number');
  const fused = new Map<Id, FusedResult<Id> & { firstSeen: number }>();
  let seen = 0;
  rankings.forEach((ranking, listIndex) => {
    const weight = options.weights?.[listIndex] ?? 1;
    ranking.forEach((id, position) => {
      let entry = fused.get(id);
      if (!entry) {
        entry = { id, score: 0, ranks: new Array(rankings.length).fill(undefined), firstSeen: seen++ };
        fused.set(id, entry);
      }
      if (entry.ranks[listIndex] !== undefined) return;
      entry.ranks[listIndex] = position + 1;
      entry.score += weight / (k + position + 1);
    });
  });
  const bestRank = (entry: FusedResult<Id>) => Math.min(...entry.ranks.map((rank) => rank ?? Infinity));
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || bestRank(a) - bestRank(b) || a.firstSeen - b.firstSeen)
    .map(({ id, score, ranks }) => ({ id, score, ranks }));
}
