// JSON for the chat page: the messages of a conversation stored since a moment, as RLS lets the customer see them.
// Used when the page joins the conversation's live channel (the first time, and after a dropped connection) to
// backfill what was not delivered live — never per answer: the answer's own stream hands over the stored rows.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireUser } from '~/lib/server/auth.server';
import { listMessagesSince } from '~/models/conversations.server';

const querySchema = z.object({
  conversationId: z.string().uuid('That conversation id is not valid.'),
  since: z.string().datetime({ offset: true, message: '`since` must be an ISO timestamp.' }),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const query = querySchema.safeParse({ conversationId: params['conversationId'], since: new URL(request.url).searchParams.get('since') });
  if (!query.success) return data({ error: query.error.issues[0]?.message ?? 'Bad request.', messages: [] }, { status: 400, headers });
  const messages = await listMessagesSince({ claims, conversationId: query.data.conversationId, since: query.data.since });
  return data({ messages }, { headers });
}
