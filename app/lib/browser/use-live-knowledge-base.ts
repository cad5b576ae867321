// Live knowledge base for the admin pages: reloads the route's data when an article changes (here or in Studio:
// kb_articles) or the embed worker moves one along (kb_embedding_status), through the shared useLiveRevalidation.
// RLS decides which changes arrive: staff receive every article and status row.
import { useRevalidator, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import type { BrowserEnv } from '~/lib/shared/browser-env';
import type { LiveStatus } from '~/lib/browser/live-conversation';
import { useLiveRevalidation, type LiveTable } from '~/lib/browser/live-revalidate';

const knowledgeBaseTables: readonly LiveTable[] = [{ table: 'kb_articles' }, { table: 'kb_embedding_status' }];

/** `channelName` is per page, so leaving one page and opening another never reuses a channel being removed. */
export function useLiveKnowledgeBase(channelName: string): LiveStatus {
  const rootData = useRouteLoaderData<{ ENV: BrowserEnv }>('root');
  if (!rootData) throw new Error('the root loader provides ENV');
  const status = useLiveRevalidation(rootData.ENV, channelName, knowledgeBaseTables);
  // The worker often finishes an article seconds after it is saved: a change committed after the loader ran but
  // before the channel joined would never arrive, so the data is reloaded once when the channel first goes live.
  const revalidator = useRevalidator();
  const caughtUp = useRef(false);
  useEffect(() => {
    if (status !== 'live' || caughtUp.current) return;
    caughtUp.current = true;
    revalidator.revalidate();
    // Only the first 'live' matters; the revalidator object changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);
  return status;
}
