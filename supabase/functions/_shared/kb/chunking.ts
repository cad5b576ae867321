// Markdown-aware chunking for KB articles. Chunks never cross a heading (so each carries one heading path),
// prefer paragraph, then sentence, then word boundaries, and never split a grapheme (emoji, surrogate pairs,
// combining marks). Each chunk's `contentHash` covers exactly the text that is embedded, so the embed worker
// skips chunks whose hash (for the same model) is already stored.

export interface ChunkingOptions {
  /** Paragraphs are packed into a chunk until adding the next would pass this many characters. */
  targetChars: number;
  /** No chunk's `content` is ever longer than this (UTF-16 code units, like Postgres `length()` on BMP text). */
  maxChars: number;
  /** Characters of the previous chunk's tail repeated at the start of the next one within a section. */
  overlapChars: number;
}

export const defaultChunkingOptions: ChunkingOptions = { targetChars: 800, maxChars: 1200, overlapChars: 150 };

export interface MarkdownChunk {
  /** 0-based position in the article. */
  index: number;
  /** The article title (when given) followed by the enclosing headings, outermost first. */
  headingPath: string[];
  /** The chunk's own markdown text. */
  content: string;
  /** What gets embedded and hashed: the heading path as context, then the content. */
  embeddingInput: string;
  /** SHA-256 hex of `embeddingInput`. */
  contentHash: string;
}

interface Section {
  headingPath: string[];
  blocks: string[];
}

const headingLine = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const fenceLine = /^(```|~~~)/;

/** Splits markdown into sections (one per heading) of blocks (paragraphs, lists, fenced code). */
function splitIntoSections(markdown: string, title: string | undefined): Section[] {
  const rootPath = title?.trim() ? [title.trim()] : [];
  const sections: Section[] = [{ headingPath: rootPath, blocks: [] }];
  const headingStack: Array<{ level: number; text: string }> = [];
  let paragraph: string[] = [];
  let insideFence: string | undefined;

  const current = () => sections[sections.length - 1];
  const flushParagraph = () => {
    const text = paragraph.join('\n').trim();
    if (text) current().blocks.push(text);
    paragraph = [];
  };

  for (const line of markdown.split('\n')) {
    if (insideFence !== undefined) {
      paragraph.push(line);
      if (line.trimStart().startsWith(insideFence)) {
        insideFence = undefined;
        flushParagraph();
      }
      continue;
    }
    const fence = line.trimStart().match(fenceLine);
    if (fence) {
      flushParagraph();
      insideFence = fence[1];
      paragraph.push(line);
      continue;
    }
    const heading = line.match(headingLine);
    if (heading) {
      flushParagraph();
      const level = heading[1].length;
      while (headingStack.length > 0 && headingStack[headingStack.length - 1].level >= level) headingStack.pop();
      headingStack.push({ level, text: heading[2].trim() });
      sections.push({ headingPath: [...rootPath, ...headingStack.map((entry) => entry.text)], blocks: [] });
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    paragraph.push(line);
  }
  flushParagraph();
  return sections.filter((section) => section.blocks.length > 0);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const words = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Splits text into pieces no longer than `maxChars`, cutting at the coarsest boundary that works: sentence, then
 * word, then grapheme. Pieces keep their whitespace so joining them restores the text.
 */
function splitToFit(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const levels: Intl.Segmenter[] = [sentences, words, graphemes];
  return splitWithSegmenters(text, maxChars, levels);
}

function splitWithSegmenters(text: string, maxChars: number, levels: Intl.Segmenter[]): string[] {
  if (text.length <= maxChars) return [text];
  const [segmenter, ...finer] = levels;
  if (!segmenter) {
    // Only a pathological grapheme (thousands of stacked combining marks) gets here: split it by code point,
    // which still never breaks a surrogate pair.
    const codePoints = Array.from(text);
    const pieces: string[] = [];
    for (let start = 0; start < codePoints.length;) {
      let piece = '';
      while (start < codePoints.length && piece.length + codePoints[start].length <= maxChars) piece += codePoints[start++];
      pieces.push(piece);
    }
    return pieces;
  }
  const pieces: string[] = [];
  let buffer = '';
  for (const { segment } of segmenter.segment(text)) {
    if (segment.length > maxChars) {
      if (buffer) pieces.push(buffer);
      buffer = '';
      const finerPieces = splitWithSegmenters(segment, maxChars, finer);
      buffer = finerPieces.pop() ?? '';
      pieces.push(...finerPieces);
      continue;
    }
    if (buffer.length + segment.length > maxChars) {
      pieces.push(buffer);
      buffer = '';
    }
    buffer += segment;
  }
  if (buffer) pieces.push(buffer);
  return pieces;
}

/** The last ≤ `overlapChars` of a chunk, starting at a word boundary so the overlap never begins mid-word. */
function overlapTail(content: string, overlapChars: number): string {
  if (overlapChars <= 0) return '';
  if (content.length <= overlapChars) return content;
  const start = content.length - overlapChars;
  for (const { index, isWordLike } of words.segment(content)) {
    if (index >= start && isWordLike) return content.slice(index);
  }
  return '';
}

/** Splits an article into chunks. Pure and synchronous apart from hashing. */
export function chunkMarkdown(
  markdown: string,
  options: { title?: string } & Partial<ChunkingOptions> = {},
): Promise<MarkdownChunk[]> {
  const settings: ChunkingOptions = { ...defaultChunkingOptions, ...options };
  if (settings.maxChars < settings.targetChars || settings.overlapChars >= settings.targetChars) {
    return Promise.reject(new RangeError('chunking needs overlapChars < targetChars ≤ maxChars'));
  }
  const normalised = markdown.replace(/\r\n?/g, '\n').normalize('NFC');
  const drafts: Array<{ headingPath: string[]; content: string }> = [];

  for (const section of splitIntoSections(normalised, options.title)) {
    const pieces = section.blocks
      .flatMap((block) => splitToFit(block, settings.targetChars))
      .map((piece) => piece.trim())
      .filter((piece) => piece !== '');
    let content = '';
    for (const piece of pieces) {
      const joined = content ? `${content}\n\n${piece}` : piece;
      if (!content || joined.length <= settings.targetChars) {
        content = joined;
        continue;
      }
      drafts.push({ headingPath: section.headingPath, content });
      const tail = overlapTail(content, Math.min(settings.overlapChars, settings.maxChars - piece.length - 1));
      content = tail ? `${tail} ${piece}` : piece;
    }
    if (content) drafts.push({ headingPath: section.headingPath, content });
  }

  return Promise.all(drafts.map(async (draft, index) => {
    const embeddingInput = draft.headingPath.length ? `${draft.headingPath.join(' › ')}\n\n${draft.content}` : draft.content;
    return { index, headingPath: draft.headingPath, content: draft.content, embeddingInput, contentHash: await sha256Hex(embeddingInput) };
  }));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
