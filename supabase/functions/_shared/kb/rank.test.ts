import assert from 'node:assert/strict';
import { reciprocalRankFusion } from './rank.ts';

Deno.test('RRF scores are 1/(60 + rank) summed over the lists', () => {
  const fused = reciprocalRankFusion([['a', 'b', 'c'], ['b', 'd']]);
  assert.deepEqual(fused.map((result) => result.id), ['b', 'a', 'd', 'c']);
  assert.equal(fused[0].score, 1 / 62 + 1 / 61);
  assert.deepEqual(fused[0].ranks, [2, 1]);
  assert.equal(fused[1].score, 1 / 61);
  assert.deepEqual(fused[2].ranks, [undefined, 2]);
});

Deno.test('an item found by both lists beats one that tops only one list', () => {
  const vector = ['exact-title', 'x', 'y', 'shared'];
  const fullText = ['shared', 'exact-title'];
  assert.equal(reciprocalRankFusion([vector, fullText])[0].id, 'exact-title');
  assert.equal(reciprocalRankFusion([['only-vector'], ['only-text', 'z']])[0].id, 'only-vector', 'ties go to first appearance');
});

Deno.test('duplicates within a list count once, at their best rank', () => {
  const fused = reciprocalRankFusion([['a', 'a', 'b']]);
  assert.equal(fused.find((result) => result.id === 'a')?.score, 1 / 61);
  assert.deepEqual(fused.find((result) => result.id === 'b')?.ranks, [3]);
});

Deno.test('weights and k change the balance; empty input gives nothing', () => {
  const fused = reciprocalRankFusion([['a'], ['b']], { weights: [1, 2] });
  assert.equal(fused[0].id, 'b');
  assert.equal(reciprocalRankFusion([['a']], { k: 0 })[0].score, 1);
  assert.deepEqual(reciprocalRankFusion([]), []);
  assert.throws(() => reciprocalRankFusion([['a']], { k: -1 }), RangeError);
});
