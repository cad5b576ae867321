// The first question of a conversation started on the home page, on its way to the conversation page. It travels in
// this tab's sessionStorage, never in the URL (it can be 4,000 characters, and URLs land in logs): written when the
// form is sent, read by the conversation page, which sends it to the assistant like any other message, and removed
// once the assistant's `done` event says it is stored. A reload before that sends it again with the same id, so it is
// stored once. Browser only; every call tolerates storage being unavailable (privacy modes throw on access).
import { z } from 'zod';

const storageKey = 'support-hub:pending-first-question';

const pendingQuestionSchema = z.object({
  conversationId: z.string().uuid(),
  /** Chosen in the browser: the id the `chat` function stores the question under (idempotent retries). */
  messageId: z.string().uuid(),
  content: z.string().min(1),
  createdAt: z.string(),
});
export type PendingQuestion = z.infer<typeof pendingQuestionSchema>;

/** Keeps the question for the conversation page; false when this tab cannot store it (the form then posts plainly). */
export function rememberPendingQuestion(question: PendingQuestion): boolean {
  try {
    // One slot per tab: a tab starts one conversation at a time, and a form that failed validation leaves nothing
    // behind that a later conversation could pick up (the slot names its conversation).
    window.sessionStorage.setItem(storageKey, JSON.stringify(question));
    return true;
  } catch {
    return false;
  }
}

/** The question waiting to be sent in this conversation, if this tab started it and it has not been answered yet. */
export function pendingQuestionFor(conversationId: string): PendingQuestion | null {
  try {
    const stored = window.sessionStorage.getItem(storageKey);
    if (stored === null) return null;
    const parsed = pendingQuestionSchema.safeParse(JSON.parse(stored));
    return parsed.success && parsed.data.conversationId === conversationId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Drops the question once it is stored — only if the slot still holds this one (another may have been started since). */
export function forgetPendingQuestion(messageId: string): void {
  try {
    const stored = window.sessionStorage.getItem(storageKey);
    if (stored === null) return;
    const parsed = pendingQuestionSchema.safeParse(JSON.parse(stored));
    if (!parsed.success || parsed.data.messageId === messageId) window.sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing to clean up where storage is unavailable.
  }
}
