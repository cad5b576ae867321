// /help: topic cards per solution area and category, and a search box (public.search_help as anon or the
// signed-in user). No login needed.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { searchParamsOf } from '~/lib/shared/forms';
import { EmptyState } from '~/components/app-shell';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { getOptionalUser } from '~/lib/server/auth.server';
import { claimsOrAnon } from '~/lib/server/db.server';
import { listPublishedArticles, searchPublishedArticles, type HelpArticleSummary } from '~/models/kb.server';

export const meta: MetaFunction = () => [
  { title: 'Help centre · Support Hub' },
  { name: 'description', content: 'Answers to common questions: search our articles or browse them by topic.' },
];

const MAX_QUERY_LENGTH = 200;
const searchParamsSchema = z.object({ q: z.string().trim().max(MAX_QUERY_LENGTH).catch('').default('') });

export interface ArticleGroup {
  solutionArea: string;
  categories: Array<{ category: string; articles: HelpArticleSummary[] }>;
}

/** Groups articles (already ordered by area, category, title) for display; articles without an area go under "General". */
export function groupArticles(articles: HelpArticleSummary[]): ArticleGroup[] {
  const groups: ArticleGroup[] = [];
  for (const article of articles) {
    const areaName = article.solutionAreaName ?? 'General';
    let group = groups.find((candidate) => candidate.solutionArea === areaName);
    if (!group) groups.push((group = { solutionArea: areaName, categories: [] }));
    let category = group.categories.find((candidate) => candidate.category === article.category);
    if (!category) group.categories.push((category = { category: article.category, articles: [] }));
    category.articles.push(article);
  }
  return groups;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await getOptionalUser(request);
  const { q: query } = searchParamsSchema.parse(Object.fromEntries(searchParamsOf(request)));
  const rlsClaims = claimsOrAnon(claims);
  if (query) {
    const results = await searchPublishedArticles({ claims: rlsClaims, query });
    return data({ query, results, groups: [] as ArticleGroup[] }, { headers });
  }
  const groups = groupArticles(await listPublishedArticles({ claims: rlsClaims }));
  return data({ query, results: [] as HelpArticleSummary[], groups }, { headers });
}

function ArticleLink({ article }: { article: HelpArticleSummary }) {
  return (
    <li className="help-article-item">
      <Link to={`/help/${article.slug}`} className="help-article-link">
        {article.title}
      </Link>
      {article.excerpt ? <p className="help-excerpt">{article.excerpt}</p> : null}
    </li>
  );
}

export default function HelpCentre() {
  const { query, results, groups } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === 'loading' && navigation.location?.pathname === '/help';
  return (
    <>
      <h1>Help centre</h1>
      <p className="lead">Answers to common questions. Search, or browse by topic.</p>
      <Form method="get" role="search" className="help-search" aria-label="Search the help centre">
        <label htmlFor="help-search-input" className="visually-hidden">
          Search articles
        </label>
        <input id="help-search-input" type="search" name="q" defaultValue={query} maxLength={MAX_QUERY_LENGTH} placeholder="Describe what you need help with" />
        <button type="submit" className="button" disabled={searching}>
          {searching ? 'Searching…' : 'Search'}
        </button>
      </Form>
      <div aria-live="polite" aria-busy={searching}>
        {query ? (
          results.length > 0 ? (
            <section aria-labelledby="results-heading" className="help-results">
              <h2 id="results-heading">
                {results.length === 1 ? '1 article' : `${results.length} articles`} for “{query}”
              </h2>
              <ul className="help-article-list">
                {results.map((article) => (
                  <ArticleLink key={article.slug} article={article} />
                ))}
              </ul>
              <p>
                <Link to="/help">Browse all articles</Link>
              </p>
            </section>
          ) : (
            <EmptyState title={`No articles match “${query}”`} action={<Link className="button secondary" to="/help">Browse all articles</Link>}>
              Try other words, or fewer of them. Signed-in customers can also ask our assistant or a technician.
            </EmptyState>
          )
        ) : groups.length === 0 ? (
          <EmptyState title="No articles yet">Our team is writing the first articles. Please check back soon.</EmptyState>
        ) : (
          groups.map((group) => (
            <section key={group.solutionArea} className="help-group" aria-labelledby={`area-${group.solutionArea}`}>
              <h2 id={`area-${group.solutionArea}`}>{group.solutionArea}</h2>
              {group.categories.map((category) => (
                <div key={category.category} className="help-category">
                  <h3>{category.category}</h3>
                  <ul className="help-article-list">
                    {category.articles.map((article) => (
                      <ArticleLink key={article.slug} article={article} />
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))
        )}
      </div>
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The help centre could not be shown.',
  unexpected: { title: 'The help centre is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
