import assert from 'node:assert/strict';
import { parseSeedArticles } from './seed-sql-articles.ts';

Deno.test('seed SQL parser reads articles written in the usual quoting styles', () => {
  const sql = `
    -- comment with 'quote'
    insert into public.kb_articles (id, slug, title, body, status, tags, created_at, is_published) values
      (gen_random_uuid(), 'reset-router', 'Reset your router', 'It''s easy.
Hold the button.', 'published', array['a', 'b'], now(), true),
      (2, 'e-string', E'Escaped\\ttitle', E'Line one\\nLine two', 'draft'::text, '{x}', now() - interval '1 day', false);
    insert into kb_articles (slug, title, body_md) values ('dollar', 'Dollar', $md$# Heading
Body with 'quotes' and $ signs.$md$);
    insert into public.other (slug, title, body) values ('x', 'y', 'z');
  `;
  assert.deepEqual(parseSeedArticles(sql), [
    { slug: 'reset-router', title: 'Reset your router', body: "It's easy.\nHold the button.", isPublished: true },
    { slug: 'e-string', title: 'Escaped\ttitle', body: 'Line one\nLine two', isPublished: false },
    { slug: 'dollar', title: 'Dollar', body: "# Heading\nBody with 'quotes' and $ signs.", isPublished: true },
  ]);
});
