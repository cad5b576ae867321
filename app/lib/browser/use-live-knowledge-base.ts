// Live knowledge base for the admin pages: reloads the route's data when an article changes (here or in Studio:
// kb_articles) or the embed worker moves one along (kb_embedding_status), through the shared useLiveRevalidation.
// RLS decides which changes arrive: staff receive every article and status row.
import { useRouteLoaderData } from '@remix-run/react';
import type { BrowserEnv } from '~/lib/shared/browser-env';
import type { LiveStatus } from '~/lib/browser/live-conversation';
import { useLiveRevalidation, type LiveTable } from '~/lib/browser/live-revalidate';

const knowledgeBaseTables: readonly LiveTable[] = [{ table: 'kb_articles' }, { table: 'kb_embedding_status' }];

/** `channelName` is per page, so leaving one page and opening another never reuses a channel being removed. */
export function useLiveKnowledgeBase(channelName: string): LiveStatus {
  const rootData = useRouteLoaderData<{ ENV: BrowserEnv }>('root');
  if (!rootData) throw new Error('the root loader provides ENV');
  // useLiveRevalidation reloads once when the channel joins, which catches up on an article the worker finished
  // between the loader's read and the join; a second reload here would abort that one mid-flight (AbortError).
  return useLiveRevalidation(rootData.ENV, channelName, knowledgeBaseTables);
}
