// POST /admin/kb/preview: markdown in, the sanitised HTML /help would show out (the editor's preview).
import { data, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireUser } from '~/lib/server/auth.server';
import { MAX_ARTICLE_LENGTH } from '~/lib/shared/kb-article-schema';
import { renderMarkdown } from '~/lib/server/markdown.server';

const previewSchema = z.object({ content: z.string().max(MAX_ARTICLE_LENGTH, `Keep the article under ${MAX_ARTICLE_LENGTH.toLocaleString('en')} characters.`) });

export async function action({ request }: ActionFunctionArgs) {
  const { headers } = await requireUser(request, { role: 'admin' });
  const parsed = previewSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? 'The preview could not be made.' }, { status: 400, headers });
  return data({ html: renderMarkdown(parsed.data.content) }, { headers });
}
