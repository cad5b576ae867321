// Guards the shipped content and the labelled sets later quality tests measure against: the seed SQL
// (supabase/seeds/10-content.sql), the triage training set, and the retrieval / guide-matching fixtures.
// Reads files only — no database — so a broken fixture or a renamed slug fails fast and says which one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const repositoryRoot = new URL('../', import.meta.url);
const readText = (path: string): string => readFileSync(new URL(path, repositoryRoot), 'utf8');
const readJson = (path: string): unknown => JSON.parse(readText(path));

const seedSql = readText('supabase/seeds/10-content.sql');

// ---------------------------------------------------------------------------------------------------------------
// The seed SQL, read with patterns that match how 10-content.sql is written (one row per parenthesised tuple).
// ---------------------------------------------------------------------------------------------------------------
const articleCategories = ['automotive', 'billing', 'product', 'account', 'warranty'] as const;
const solutionAreaSlugs = ['manufacturing', 'maintenance', 'support'] as const;

const SeedArticle = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(10),
  content: z.string(),
  category: z.enum(articleCategories),
  solutionArea: z.enum(solutionAreaSlugs),
  vehicleContext: z.string().min(3).nullable(),
  tags: z.array(z.string().min(1)).min(2),
  isPublished: z.boolean(),
});
type SeedArticle = z.infer<typeof SeedArticle>;

function sectionOf(sql: string, startMarker: string, endMarker: string): string {
  const start = sql.indexOf(startMarker);
  const end = sql.indexOf(endMarker, start);
  if (start === -1 || end === -1) throw new Error(`seed SQL has no section from ${JSON.stringify(startMarker)} to ${JSON.stringify(endMarker)}`);
  return sql.slice(start, end);
}
const unquote = (literal: string): string => literal.slice(1, -1).replaceAll("''", "'");

function parseArticles(sql: string): SeedArticle[] {
  const section = sectionOf(sql, 'insert into public.kb_articles', 'on conflict (slug)');
  const row = /\(\s*'([^']+)',\s*('(?:[^']|'')*'),\s*\$md\$([\s\S]*?)\$md\$,\s*'(\w+)',\s*'(\w+)',\s*(null|'(?:[^']|'')*'),\s*array\[([^\]]*)\],\s*(true|false)\s*\)/g;
  return [...section.matchAll(row)].map(([, slug, title, content, category, solutionArea, vehicleContext, tags, isPublished]) =>
    SeedArticle.parse({
      slug,
      title: unquote(title ?? ''),
      content,
      category,
      solutionArea,
      vehicleContext: vehicleContext === 'null' ? null : unquote(vehicleContext ?? ''),
      tags: [...(tags ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((tag) => (tag[1] ?? '').replaceAll("''", "'")),
      isPublished: isPublished === 'true',
    }),
  );
}

function parseGuides(sql: string): { slug: string; solutionArea: string; symptoms: number; isPublished: boolean }[] {
  const section = sectionOf(sql, 'insert into public.guides', 'on conflict (slug)');
  // slug, title, description, solution area, symptoms, published
  const row = /\(\s*'([a-z0-9-]+)',\s*'(?:[^']|'')*',\s*'(?:[^']|'')*',\s*'(\w+)',\s*array\[([\s\S]*?)\],\s*(true|false)\s*\)/g;
  return [...section.matchAll(row)].map(([, slug, solutionArea, symptoms, isPublished]) => ({
    slug: slug ?? '',
    solutionArea: solutionArea ?? '',
    symptoms: [...(symptoms ?? '').matchAll(/'(?:[^']|'')+'/g)].length,
    isPublished: isPublished === 'true',
  }));
}

/** guide slug → step positions, in the order written. */
function parseGuideSteps(sql: string): Map<string, number[]> {
  const steps = new Map<string, number[]>();
  const block = /with guide as \(select id from public\.guides where slug = '([a-z0-9-]+)'\),\s*steps \(position, instruction\) as \(values([\s\S]*?)\n\)\ninsert into public\.guide_steps/g;
  for (const [, slug, values] of sql.matchAll(block)) {
    steps.set(slug ?? '', [...(values ?? '').matchAll(/^\s*\((\d+), '/gm)].map((match) => Number(match[1])));
  }
  return steps;
}

const VehicleModel = z.object({
  year: z.number().int().min(2012).max(2024),
  make: z.string().min(2),
  model: z.string().min(1),
  submodel: z.string().min(1),
  engineSize: z.number().min(0.8).max(8.5),
  camType: z.enum(['DOHC', 'SOHC', 'OHV']),
  body: z.enum(['Sedan', 'SUV', 'Pickup', 'Hatchback', 'Coupe', 'Wagon', 'Minivan']),
  driveType: z.enum(['FWD', 'RWD', 'AWD', '4WD']),
});
function parseVehicleModels(sql: string): z.infer<typeof VehicleModel>[] {
  const section = sectionOf(sql, 'insert into public.vehicle_models', 'end\n$catalogue$');
  const row = /\((\d{4}), '([^']+)', '([^']+)', '([^']+)', '([\d.]+)L', '(\w+)', '(\w+)', '(\w+)'\)/g;
  return [...section.matchAll(row)].map(([, year, make, model, submodel, engineSize, camType, body, driveType]) =>
    VehicleModel.parse({ year: Number(year), make, model, submodel, engineSize: Number(engineSize), camType, body, driveType }),
  );
}

const articles = parseArticles(seedSql);
const publishedArticleSlugs = new Set(articles.filter((article) => article.isPublished).map((article) => article.slug));
const guides = parseGuides(seedSql);
const publishedGuideSlugs = new Set(guides.filter((guide) => guide.isPublished).map((guide) => guide.slug));
const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

describe('seed content (supabase/seeds/10-content.sql)', () => {
  it('reads every kb_articles row the file inserts', () => {
    // Each row starts with its slug right after an opening parenthesis; the structured pattern must find them all,
    // so a row the pattern cannot read fails here instead of silently dropping out of the other checks.
    const section = sectionOf(seedSql, 'insert into public.kb_articles', 'on conflict (slug)');
    expect(articles.length).toBe([...section.matchAll(/^\(\s*\n\s*'[a-z0-9-]+',\s*\n/gm)].length);
  });

  it('has the three solution areas, each with assistant instructions that say when to hand off', () => {
    const section = sectionOf(seedSql, 'insert into public.solution_areas', 'on conflict (slug)');
    const slugs = [...section.matchAll(/^\(\s*\n\s*'([a-z]+)',/gm)].map((match) => match[1]);
    expect(slugs).toEqual([...solutionAreaSlugs]);
    const instructions = [...section.matchAll(/\$ins\$([\s\S]*?)\$ins\$/g)].map((match) => match[1] ?? '');
    expect(instructions).toHaveLength(3);
    for (const text of instructions) expect(text).toMatch(/hand off/i);
  });

  it('has at least 32 published articles across the categories the product needs, plus 2-3 drafts', () => {
    const published = articles.filter((article) => article.isPublished);
    expect(published.length).toBeGreaterThanOrEqual(32);
    expect(articles.length - published.length).toBeGreaterThanOrEqual(2);
    expect(articles.length - published.length).toBeLessThanOrEqual(3);
    const count = (categories: readonly string[]): number => published.filter((article) => categories.includes(article.category)).length;
    expect(count(['automotive'])).toBeGreaterThanOrEqual(14);
    expect(count(['billing'])).toBeGreaterThanOrEqual(8);
    expect(count(['product', 'account', 'warranty'])).toBeGreaterThanOrEqual(8);
    for (const category of articleCategories) expect(count([category]), category).toBeGreaterThan(0);
  });

  it('has unique slugs and titles', () => {
    expect(new Set(articles.map((article) => article.slug)).size).toBe(articles.length);
    expect(new Set(articles.map((article) => article.title)).size).toBe(articles.length);
  });

  it.each(articles.map((article) => [article.slug, article] as const))('article %s is 150-500 words of markdown with ## headings and steps', (_slug, article) => {
    expect(wordCount(article.content)).toBeGreaterThanOrEqual(150);
    expect(wordCount(article.content)).toBeLessThanOrEqual(500);
    expect(article.content).toMatch(/^## \S/m);
    expect(article.content).toMatch(/^1\. \S/m);
  });

  it('has at least 8 published guides with 4-8 steps each, numbered 1..n', () => {
    const steps = parseGuideSteps(seedSql);
    expect(publishedGuideSlugs.size).toBeGreaterThanOrEqual(8);
    expect(new Set(guides.map((guide) => guide.slug)).size).toBe(guides.length);
    for (const guide of guides) {
      const positions = steps.get(guide.slug) ?? [];
      expect(positions.length, guide.slug).toBeGreaterThanOrEqual(4);
      expect(positions.length, guide.slug).toBeLessThanOrEqual(8);
      expect(positions, guide.slug).toEqual(positions.map((_, index) => index + 1));
      expect(guide.symptoms, guide.slug).toBeGreaterThanOrEqual(3);
      expect(solutionAreaSlugs as readonly string[]).toContain(guide.solutionArea);
    }
    expect([...steps.keys()].sort()).toEqual(guides.map((guide) => guide.slug).sort());
  });

  it('has a vehicle catalogue of at least 60 distinct models across 10+ makes and 2012-2024', () => {
    const vehicles = parseVehicleModels(seedSql);
    const rowsWritten = sectionOf(seedSql, 'insert into public.vehicle_models', 'end\n$catalogue$').match(/^\s+\(\d{4},/gm) ?? [];
    expect(vehicles.length, 'rows the pattern could not read').toBe(rowsWritten.length);
    expect(vehicles.length).toBeGreaterThanOrEqual(60);
    expect(new Set(vehicles.map((vehicle) => vehicle.make)).size).toBeGreaterThanOrEqual(10);
    const years = vehicles.map((vehicle) => vehicle.year);
    expect(Math.min(...years)).toBe(2012);
    expect(Math.max(...years)).toBe(2024);
    const keys = vehicles.map((vehicle) => `${vehicle.year} ${vehicle.make} ${vehicle.model} ${vehicle.submodel}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Triage training set (issue 6)
// ---------------------------------------------------------------------------------------------------------------
const TrainingTicket = z.strictObject({
  subject: z.string().trim().min(1),
  body: z.string().trim().min(10).max(2000),
  category: z.enum(['billing', 'technical', 'feature_request']),
  urgency: z.enum(['high', 'medium', 'low']),
  sentiment: z.number().int().min(1).max(10),
});

describe('triage training data (supabase/tools/triage-training/training-data.json)', () => {
  const tickets = z.array(TrainingTicket).parse(readJson('supabase/tools/triage-training/training-data.json'));

  it('has at least 600 tickets, at least 150 per category, balanced within 20%', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(600);
    const perCategory = ['billing', 'technical', 'feature_request'].map((category) => tickets.filter((ticket) => ticket.category === category).length);
    for (const count of perCategory) expect(count).toBeGreaterThanOrEqual(150);
    expect(Math.max(...perCategory) / Math.min(...perCategory)).toBeLessThanOrEqual(1.2);
  });

  it('uses every urgency and a wide range of sentiment', () => {
    for (const urgency of ['high', 'medium', 'low']) {
      expect(tickets.filter((ticket) => ticket.urgency === urgency).length, urgency).toBeGreaterThanOrEqual(50);
    }
    const sentiments = new Set(tickets.map((ticket) => ticket.sentiment));
    for (const score of [1, 2, 3, 4, 5, 6, 7, 8, 9]) expect(sentiments.has(score), `sentiment ${score}`).toBe(true);
  });

  it('is not the same text filled twice: bodies stay distinct once numbers and amounts are masked', () => {
    const masked = tickets.map((ticket) => ticket.body.toLowerCase().replace(/[\d$€£,.]+/g, '#').replace(/\s+/g, ' '));
    expect(new Set(masked).size / masked.length).toBeGreaterThanOrEqual(0.95);
    const exact = tickets.map((ticket) => `${ticket.subject}\n${ticket.body}`);
    expect(new Set(exact).size).toBe(exact.length);
    // No single opening (first six words) dominates the set.
    const openings = new Map<string, number>();
    for (const text of masked) {
      const opening = text.split(' ').slice(0, 6).join(' ');
      openings.set(opening, (openings.get(opening) ?? 0) + 1);
    }
    expect(Math.max(...openings.values())).toBeLessThanOrEqual(tickets.length * 0.02);
  });

  it('varies in length', () => {
    const lengths = tickets.map((ticket) => wordCount(ticket.body)).sort((a, b) => a - b);
    expect(lengths[0]).toBeLessThanOrEqual(20);
    expect(lengths[lengths.length - 1]).toBeGreaterThanOrEqual(60);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Retrieval questions (issue 7) and guide matching (issue 8)
// ---------------------------------------------------------------------------------------------------------------
const normalise = (text: string): string => text.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

describe('retrieval questions (tests/fixtures/retrieval-questions.json)', () => {
  const RetrievalQuestion = z.strictObject({ question: z.string().trim().min(10), article_slug: z.string().min(1) });
  const questions = z.array(RetrievalQuestion).min(70).parse(readJson('tests/fixtures/retrieval-questions.json'));

  it('points every question at a published article in the seed', () => {
    const unknown = questions.filter((entry) => !publishedArticleSlugs.has(entry.article_slug)).map((entry) => entry.article_slug);
    expect(unknown).toEqual([]);
  });

  it('covers most published articles', () => {
    const covered = new Set(questions.map((entry) => entry.article_slug));
    expect(covered.size / publishedArticleSlugs.size).toBeGreaterThanOrEqual(0.9);
  });

  it('phrases questions unlike the article titles and never repeats one', () => {
    const titles = new Map(articles.map((article) => [article.slug, normalise(article.title)]));
    for (const entry of questions) {
      const question = normalise(entry.question);
      expect(question).not.toBe(titles.get(entry.article_slug));
      expect(titles.get(entry.article_slug)?.includes(question), entry.question).toBe(false);
    }
    expect(new Set(questions.map((entry) => normalise(entry.question))).size).toBe(questions.length);
  });
});

describe('guide matching (tests/fixtures/guide-matching.json)', () => {
  const GuideMatch = z.strictObject({ description: z.string().trim().min(8), guide_slug: z.string().min(1) });
  const descriptions = z.array(GuideMatch).min(36).parse(readJson('tests/fixtures/guide-matching.json'));

  it('points every description at a published guide and covers every guide at least three times', () => {
    const unknown = descriptions.filter((entry) => !publishedGuideSlugs.has(entry.guide_slug)).map((entry) => entry.guide_slug);
    expect(unknown).toEqual([]);
    for (const slug of publishedGuideSlugs) {
      expect(descriptions.filter((entry) => entry.guide_slug === slug).length, slug).toBeGreaterThanOrEqual(3);
    }
  });

  it('never repeats a description', () => {
    expect(new Set(descriptions.map((entry) => normalise(entry.description))).size).toBe(descriptions.length);
  });
});
