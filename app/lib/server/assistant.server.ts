// Asks the `chat` edge function from the server, for a form posted without script (with script the browser calls it
// and streams the answer). The caller's own access token goes along, so the function stores the question as them
// under RLS exactly as when the page sends it: it stays the one writer of customers' messages. The whole answer is
// awaited — the function stores it before its `done` event — so the page the action redirects to shows both.
import { askAssistant, AssistantError } from '~/lib/shared/assistant-stream';
import { browserEnv } from './env.server';
import type { SupabaseServerClient } from './supabase.server';

export async function askAssistantFromServer(input: {
  supabase: SupabaseServerClient;
  conversationId: string;
  messageId: string;
  question: string;
}): Promise<void> {
  const { data } = await input.supabase.auth.getSession();
  if (!data.session) throw new AssistantError('Your session has expired. Reload the page to sign in again.', false);
  await askAssistant({
    env: browserEnv(),
    accessToken: data.session.access_token,
    conversationId: input.conversationId,
    messageId: input.messageId,
    message: input.question,
    onEvent: () => undefined,
  });
}
