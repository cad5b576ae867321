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
import { StillNeedHelp, TopicCards } from '~/components/help-centre';
import { generalAreaSlug, helpTopics, inTopic, type HelpTopic } from '~/lib/shared/help-centre';

export const meta: MetaFunction = () => [
  { title: 'Help centre · Support Hub' },
  { name: 'description', content: 'Answers to common questions: search our articles or browse them by topic.' },
];

const MAX_QUERY_LENGTH = 200;
const searchParamsSchema = z.object({
  q: z.string().trim().max(MAX_QUERY_LENGTH).catch('').default(''),
  area: z.string().regex(/^[a-z0-9-]{1,100}$/).optional().catch(undefined),
  category: z.string().trim().min(1).max(60).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await getOptionalUser(request);
  const { q: query, area, category } = searchParamsSchema.parse(Object.fromEntries(searchParamsOf(request)));
  const rlsClaims = claimsOrAnon(claims);
  const signedIn = claims !== null;
  if (query) {
    const results = await searchPublishedArticles({ claims: rlsClaims, query });
    return data({ view: 'search' as const, query, signedIn, results, topics: [] as HelpTopic[], topic: null }, { headers });
  }
  const articles = await listPublishedArticles({ claims: rlsClaims });
  const topics = helpTopics(articles);
  if (area && category) {
    const topic = topics.find((candidate) => (candidate.areaSlug ?? generalAreaSlug) === area && candidate.category === category);
    if (!topic) throw new Response('Topic not found', { status: 404, statusText: 'Not Found', headers });
    const results = articles.filter((article) => inTopic(article, { area, category }));
    return data({ view: 'topic' as const, query, signedIn, results, topics: [] as HelpTopic[], topic }, { headers });
  }
  return data({ view: 'topics' as const, query, signedIn, results: [] as HelpArticleSummary[], topics, topic: null }, { headers });
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

/** A list of articles (search results or a topic's articles), each a link with its excerpt. */
function ArticleList({ articles }: { articles: HelpArticleSummary[] }) {
  return (
    <ul className="help-article-list">
      {articles.map((article) => (
        <ArticleLink key={article.slug} article={article} />
      ))}
    </ul>
  );
}

export default function HelpCentre() {
  const { view, query, signedIn, results, topics, topic } = useLoaderData<typeof loader>();
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
        {view === 'search' ? (
          <>
            {results.length > 0 ? (
              <section aria-labelledby="results-heading" className="help-results">
                <h2 id="results-heading">
                  {results.length === 1 ? '1 article' : `${results.length} articles`} for “{query}”
                </h2>
                <ArticleList articles={results} />
                <p>
                  <Link to="/help">Browse all topics</Link>
                </p>
              </section>
            ) : (
              <EmptyState title={`No articles match “${query}”`} action={<Link className="button secondary" to="/help">Browse all topics</Link>}>
                Try other words, or fewer of them. We note searches that find nothing, to know which articles to write next.
              </EmptyState>
            )}
            <StillNeedHelp question={query} signedIn={signedIn} />
          </>
        ) : view === 'topic' && topic ? (
          <section aria-labelledby="topic-heading" className="help-results">
            <nav aria-label="Breadcrumb" className="breadcrumb">
              <Link to="/help">Help centre</Link> › <span>{topic.areaName}</span> › <span aria-current="page">{topic.categoryLabel}</span>
            </nav>
            <h2 id="topic-heading">
              {topic.areaName}: {topic.categoryLabel}
            </h2>
            <ArticleList articles={results} />
            <p>
              <Link to="/help">All topics</Link>
            </p>
          </section>
        ) : topics.length === 0 ? (
          <EmptyState title="No articles yet">Our team is writing the first articles. Please check back soon.</EmptyState>
        ) : (
          <section aria-labelledby="topics-heading">
            <h2 id="topics-heading" className="visually-hidden">
              Topics
            </h2>
            <TopicCards topics={topics} />
          </section>
        )}
      </div>
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The help centre could not be shown.',
  statuses: { 404: { title: 'We couldn’t find that topic', message: 'It may have no articles yet. Browse all topics from the help centre.' } },
  unexpected: { title: 'The help centre is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
