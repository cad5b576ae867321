// /help/<slug>: one published article, rendered from markdown on the server (sanitised), with related
// articles. A draft or a missing slug is a friendly 404.
import { data, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react';
import { z } from 'zod';
import { ErrorPanel } from '~/components/app-shell';
import { HelpfulVote, StillNeedHelp, topicHref } from '~/components/help-centre';
import { LocalTime } from '~/components/time';
import { getOptionalUser } from '~/lib/server/auth.server';
import { claimsOrAnon } from '~/lib/server/db.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { renderMarkdown } from '~/lib/server/markdown.server';
import { clientAddress } from '~/lib/server/supabase.server';
import { serverEnv } from '~/lib/server/env.server';
import { parseForm } from '~/lib/shared/forms';
import { categoryLabel } from '~/lib/shared/help-centre';
import { getPublishedArticle } from '~/models/kb.server';
import { getOwnVote, voteOnArticle } from '~/models/help-feedback.server';

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) =>
  loaded
    ? [{ title: `${loaded.article.title} · Help centre · Support Hub` }, { name: 'description', content: loaded.article.excerpt }]
    : [{ title: 'Article not found · Help centre · Support Hub' }];

const slugPattern = /^[a-z0-9-]{1,200}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, headers } = await getOptionalUser(request);
  const slug = params['slug'] ?? '';
  const found = slugPattern.test(slug) ? await getPublishedArticle({ claims: claimsOrAnon(claims), slug }) : null;
  if (!found) throw new Response('Article not found', { status: 404, statusText: 'Not Found', headers });
  const { article, related } = found;
  const ownVote = claims ? await getOwnVote({ claims, articleId: article.id }) : null;
  return data(
    {
      signedIn: claims !== null,
      ownVote,
      article: {
        solutionArea: article.solutionArea,
        categoryLabel: categoryLabel(article.category),
        title: article.title,
        excerpt: article.excerpt,
        category: article.category,
        solutionAreaName: article.solutionAreaName,
        vehicleContext: article.vehicleContext,
        updatedAt: article.updatedAt,
        html: renderMarkdown(article.content),
      },
      related: related.map(({ slug: relatedSlug, title, excerpt }) => ({ slug: relatedSlug, title, excerpt })),
    },
    { headers },
  );
}

const voteSchema = z.object({
  intent: z.literal('vote'),
  helpful: z.enum(['yes', 'no'], { message: 'Choose yes or no.' }),
  comment: z.string().trim().max(1000, 'Keep the comment under 1,000 characters.').optional().transform((value) => value || null),
});

/**
 * The visitor as this server sees them, for the database's per-visitor daily limit (it keeps only a keyed hash): the
 * client address (decision 0013: the connection's peer, or what trusted proxies give) and the browser.
 */
function visitorOf(request: Request, context: AppLoadContext): string {
  const address = clientAddress(request, serverEnv().TRUSTED_PROXY_HOPS, context) ?? 'direct';
  return `${address}|${(request.headers.get('User-Agent') ?? '').slice(0, 300)}`;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { claims, headers } = await getOptionalUser(request);
  const slug = params['slug'] ?? '';
  if (!slugPattern.test(slug)) throw new Response('Article not found', { status: 404, statusText: 'Not Found', headers });
  const form = parseForm(voteSchema, await request.formData());
  if (!form.success) {
    const formError = form.fieldErrors['helpful'] ?? form.fieldErrors['comment'] ?? 'Choose yes or no.';
    return data({ formError, voted: undefined }, { status: 400, headers });
  }
  try {
    const vote = await voteOnArticle({
      claims: claimsOrAnon(claims),
      slug,
      helpful: form.data.helpful === 'yes',
      comment: form.data.comment,
      visitor: visitorOf(request, context),
    });
    return data({ formError: undefined, voted: { helpful: vote.helpful } }, { headers });
  } catch (error) {
    const refusal = translateDatabaseError(error);
    if (!refusal) throw error;
    return data({ formError: refusal.message, voted: undefined }, { status: refusal.status, headers });
  }
}

export default function HelpArticlePage() {
  const { article, related, ownVote, signedIn } = useLoaderData<typeof loader>();
  return (
    <div className="help-article-layout">
      <article className="help-article" aria-labelledby="article-title">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/help">Help centre</Link> ›{' '}
          {/* A category named like its area ("Maintenance" in Maintenance) is one crumb, not "Maintenance › Maintenance". */}
          {article.categoryLabel.toLowerCase() === (article.solutionAreaName ?? 'General').toLowerCase() ? (
            <Link to={topicHref({ areaSlug: article.solutionArea, category: article.category })}>{article.categoryLabel}</Link>
          ) : (
            <>
              <span>{article.solutionAreaName ?? 'General'}</span> ›{' '}
              <Link to={topicHref({ areaSlug: article.solutionArea, category: article.category })}>{article.categoryLabel}</Link>
            </>
          )}
        </nav>
        <h1 id="article-title">{article.title}</h1>
        <p className="help-meta">
          Updated <LocalTime iso={article.updatedAt} style="long-date" />
          {article.vehicleContext ? ` · Applies to ${article.vehicleContext}` : ''}
        </p>
        {/* Sanitised by renderMarkdown (allow-listed tags, attributes and URL schemes). */}
        <div className="markdown" dangerouslySetInnerHTML={{ __html: article.html }} />
        <HelpfulVote ownVote={ownVote} />
        <StillNeedHelp question={article.title} signedIn={signedIn} />
      </article>
      <aside className="help-related" aria-labelledby="related-heading">
        <h2 id="related-heading">Related articles</h2>
        {related.length > 0 ? (
          <ul className="help-article-list">
            {related.map((item) => (
              <li key={item.slug} className="help-article-item">
                <Link to={`/help/${item.slug}`} className="help-article-link">
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="help-excerpt">No related articles yet.</p>
        )}
        <p>
          <Link to="/help">All articles</Link>
        </p>
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-panel" role="alert">
        <h1>We couldn’t find that article</h1>
        <p>It may have been moved, renamed or taken down while we update it.</p>
        <p>
          <Link className="button" to="/help">
            Search the help centre
          </Link>
        </p>
      </section>
    );
  }
  return <ErrorPanel title="This article is unavailable" message="Something went wrong on our side. Please try again in a moment." />;
}
