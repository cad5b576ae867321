import assert from 'node:assert/strict';
import { chunkMarkdown, type MarkdownChunk } from './chunking.ts';

const options = { targetChars: 200, maxChars: 300, overlapChars: 40 };

function assertWellFormed(chunks: MarkdownChunk[], maxChars: number) {
  chunks.forEach((chunk, index) => {
    assert.equal(chunk.index, index);
    assert.ok(chunk.content.length > 0, 'no empty chunks');
    assert.ok(chunk.content.length <= maxChars, `chunk ${index} has ${chunk.content.length} > ${maxChars} chars`);
    assert.match(chunk.contentHash, /^[0-9a-f]{64}$/);
    assert.ok(!/[\uD800-\uDBFF]$/.test(chunk.content), `chunk ${index} ends inside a surrogate pair`);
    assert.ok(!/^[\uDC00-\uDFFF]/.test(chunk.content), `chunk ${index} starts inside a surrogate pair`);
    assert.ok(!/^\p{M}/u.test(chunk.content), `chunk ${index} starts with an orphaned combining mark`);
  });
}

Deno.test('empty and whitespace-only input give no chunks', async () => {
  assert.deepEqual(await chunkMarkdown(''), []);
  assert.deepEqual(await chunkMarkdown('  \n\n \r\n\t'), []);
  assert.deepEqual(await chunkMarkdown('# Only a heading\n\n## And another'), []);
});

Deno.test('short text without headings is one chunk carrying the title', async () => {
  const chunks = await chunkMarkdown('Restart the router and wait two minutes.', { title: 'Wi-Fi drops' });
  assert.equal(chunks.length, 1);
  assert.deepEqual(chunks[0].headingPath, ['Wi-Fi drops']);
  assert.equal(chunks[0].embeddingInput, 'Wi-Fi drops\n\nRestart the router and wait two minutes.');
});

Deno.test('chunks follow headings and carry the full heading path', async () => {
  const markdown = [
    'Intro paragraph.',
    '# Billing',
    'About invoices.',
    '## Refunds',
    'Refunds take five days.',
    '### Partial refunds',
    'Partial refunds need approval.',
    '## Invoices',
    'Invoices are monthly.',
    '# Technical',
    'Reset the device.',
  ].join('\n\n');
  const chunks = await chunkMarkdown(markdown, { title: 'Guide', ...options });
  assert.deepEqual(chunks.map((chunk) => [chunk.headingPath.join(' > '), chunk.content]), [
    ['Guide', 'Intro paragraph.'],
    ['Guide > Billing', 'About invoices.'],
    ['Guide > Billing > Refunds', 'Refunds take five days.'],
    ['Guide > Billing > Refunds > Partial refunds', 'Partial refunds need approval.'],
    ['Guide > Billing > Invoices', 'Invoices are monthly.'],
    ['Guide > Technical', 'Reset the device.'],
  ]);
});

Deno.test('paragraphs are packed up to the target, and the next chunk overlaps the previous one', async () => {
  const paragraphs = Array.from({ length: 12 }, (_, index) => `Paragraph ${index} explains step ${index} of the repair in some detail.`);
  const chunks = await chunkMarkdown(paragraphs.join('\n\n'), options);
  assert.ok(chunks.length >= 3, `expected several chunks, got ${chunks.length}`);
  assertWellFormed(chunks, options.maxChars);
  for (let index = 1; index < chunks.length; index++) {
    const previousTail = chunks[index - 1].content.slice(-20);
    assert.ok(chunks[index].content.includes(previousTail), `chunk ${index} should start with the tail of chunk ${index - 1}`);
  }
  for (const paragraph of paragraphs) assert.ok(chunks.some((chunk) => chunk.content.includes(paragraph)), 'no text is lost');
});

Deno.test('a huge single paragraph is split at sentence or word boundaries within the hard maximum', async () => {
  const sentence = 'The technician checks the hydraulic pressure before restarting the press. ';
  const huge = sentence.repeat(400); // ~30,000 characters, one paragraph
  const chunks = await chunkMarkdown(huge, options);
  assertWellFormed(chunks, options.maxChars);
  assert.ok(chunks.length > 100);
  const wholeWords = new Set(sentence.trim().split(' '));
  for (const chunk of chunks) {
    const [firstWord] = chunk.content.split(' ');
    const lastWord = chunk.content.split(' ').at(-1) ?? '';
    assert.ok(wholeWords.has(firstWord) && wholeWords.has(lastWord), `chunk cut inside a word: ${firstWord} … ${lastWord}`);
  }
  const oneWord = 'x'.repeat(5_000); // no boundary at all
  const wordChunks = await chunkMarkdown(oneWord, options);
  assertWellFormed(wordChunks, options.maxChars);
  assert.equal(wordChunks.map((chunk) => chunk.content).join('').replaceAll(' ', '').length >= 5_000, true);
});

Deno.test('unicode: emoji, CJK and combining marks are never split', async () => {
  const emoji = '🚗💥👩‍🔧🇩🇪'.repeat(300);
  const cjk = '请重新启动路由器并等待两分钟。'.repeat(100);
  const combining = 'e\u0301a\u0300q\u0307\u0323x\u0308\u0301 '.repeat(500); // NFC composes only some of these
  for (const text of [emoji, cjk, combining]) {
    const chunks = await chunkMarkdown(text, options);
    assertWellFormed(chunks, options.maxChars);
    const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    for (const chunk of chunks) {
      for (const { segment } of graphemeSegmenter.segment(chunk.content)) {
        assert.ok(segment.trim() === '' || text.normalize('NFC').includes(segment), `chunk contains a broken grapheme ${JSON.stringify(segment)}`);
      }
    }
  }
  const cjkChunks = await chunkMarkdown(cjk, options);
  assert.ok(cjkChunks.every((chunk) => chunk.content.endsWith('。')), 'CJK text splits at sentence ends');
});

Deno.test('fenced code blocks are not broken at blank lines or read as headings', async () => {
  const markdown = '# Setup\n\n```sh\n# not a heading\n\nnpm start\n```\n\nDone.';
  const chunks = await chunkMarkdown(markdown, options);
  assert.equal(chunks.length, 1);
  assert.deepEqual(chunks[0].headingPath, ['Setup']);
  assert.ok(chunks[0].content.includes('# not a heading\n\nnpm start'));
});

Deno.test('content hashes are deterministic and change only when the embedded text changes', async () => {
  const markdown = '# A\n\nFirst part.\n\n# B\n\nSecond part.';
  const first = await chunkMarkdown(markdown, { title: 'T' });
  const again = await chunkMarkdown(markdown.replaceAll('\n', '\r\n'), { title: 'T' });
  assert.deepEqual(first.map((chunk) => chunk.contentHash), again.map((chunk) => chunk.contentHash));
  const edited = await chunkMarkdown(markdown.replace('Second', 'Changed'), { title: 'T' });
  assert.equal(edited[0].contentHash, first[0].contentHash, 'untouched section keeps its hash');
  assert.notEqual(edited[1].contentHash, first[1].contentHash);
  const retitled = await chunkMarkdown(markdown, { title: 'Other' });
  assert.notEqual(retitled[0].contentHash, first[0].contentHash, 'the title is part of the embedded text');
});

Deno.test('invalid options are refused', async () => {
  await assert.rejects(chunkMarkdown('text', { targetChars: 100, maxChars: 50 }), RangeError);
});
