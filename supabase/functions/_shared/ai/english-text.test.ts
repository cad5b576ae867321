import assert from 'node:assert/strict';
import { britishSpelling, normaliseText, searchTerms, splitWords } from './english-text.ts';

Deno.test('normaliseText folds case, accents and compatibility forms', () => {
  assert.equal(normaliseText('Café ﬁle ＡＢＣ'), 'cafe file abc');
});

Deno.test('splitWords keeps CJK and digits, drops punctuation and apostrophes', () => {
  assert.deepEqual(splitWords("don't reset v2 router! 東京"), ['dont', 'reset', 'v2', 'router', '東京']);
});

Deno.test('searchTerms drops Postgres english stop words and stems like Snowball', () => {
  assert.deepEqual(searchTerms('I was charged twice for the billing'), ['charg', 'twice', 'bill']);
});

Deno.test('britishSpelling folds American car words and -ize endings to the KB\'s British English', () => {
  assert.deepEqual(['tire', 'hood', 'organize', 'authorized', 'size', 'brake'].map(britishSpelling), ['tyre', 'bonnet', 'organise', 'authorised', 'size', 'brake']);
});
