// /help/<slug>: one published article, rendered from markdown on the server (sanitised), with related
// articles. A draft or a missing slug is a friendly 404.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react';
import { ErrorPanel } from '~/components/app-shell';
import { getOptionalUser } from '~/lib/server/auth.server';
import { claimsOrAnon } from '~/lib/server/db.server';
import { renderMarkdown } from '~/lib/server/markdown.server';
import { getPublishedArticle } from '~/models/kb.server';

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
  return data(
    {
      article: {
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

export default function HelpArticlePage() {
  const { article, related } = useLoaderData<typeof loader>();
  const updated = new Date(article.updatedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <div className="help-article-layout">
      <article className="help-article" aria-labelledby="article-title">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/help">Help centre</Link> › <span>{article.solutionAreaName ?? 'General'}</span> › <span>{article.category}</span>
        </nav>
        <h1 id="article-title">{article.title}</h1>
        <p className="help-meta">
          Updated {updated}
          {article.vehicleContext ? ` · Applies to ${article.vehicleContext}` : ''}
        </p>
        {/* Sanitised by renderMarkdown (allow-listed tags, attributes and URL schemes). */}
        <div className="markdown" dangerouslySetInnerHTML={{ __html: article.html }} />
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
