// The chat's merge of messages from every source (loader, Realtime, backfill after a reconnect, the answer stream):
// nothing shown twice, nothing dropped, one order for everyone.
import { describe, expect, it } from 'vitest';
import { inChatOrder, mergeMessages, messageFromRow, unsentCustomerMessage, type ConversationMessage } from '../../app/lib/shared/messages.ts';

const message = (id: string, createdAt: string, overrides: Partial<ConversationMessage> = {}): ConversationMessage => ({
  ...unsentCustomerMessage({ id, content: `message ${id}`, createdAt, sender: null }),
  ...overrides,
});

const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'] as const;

describe('mergeMessages', () => {
  it('keeps a message delivered twice (live and by backfill) once, and adds what was missed', () => {
    const shown = mergeMessages(new Map(), [message(ids[0], '2026-12-01T10:00:00.000Z')]);
    const afterReconnect = mergeMessages(shown, [message(ids[0], '2026-12-01T10:00:00.000Z'), message(ids[1], '2026-12-01T10:00:05.000Z')]);
    expect([...afterReconnect.keys()]).toEqual([ids[0], ids[1]]);
    expect(shown.size).toBe(1);
  });

  it('replaces the optimistic copy with the stored one, keeping a known sender name', () => {
    const optimistic = message(ids[0], '2026-12-01T10:00:09.000Z', { senderName: 'Casey' });
    const stored = message(ids[0], '2026-12-01T10:00:08.500Z', { senderName: null });
    const merged = mergeMessages(new Map([[ids[0], optimistic]]), [stored]);
    expect(merged.get(ids[0])).toMatchObject({ createdAt: '2026-12-01T10:00:08.500Z', senderName: 'Casey' });
  });

  it('orders by time, ties by id, whatever order they arrived in', () => {
    const merged = mergeMessages(new Map(), [message(ids[2], '2026-12-01T10:00:01.000Z'), message(ids[1], '2026-12-01T10:00:01.000Z'), message(ids[0], '2026-12-01T10:00:02.000Z')]);
    expect(inChatOrder(merged.values()).map((entry) => entry.id)).toEqual([ids[1], ids[2], ids[0]]);
  });
});

describe('messageFromRow', () => {
  it('reads a Realtime payload (which never carries a confidence), citations included, and tolerates odd metadata', () => {
    const fromRealtime = messageFromRow({
      id: ids[0],
      conversation_id: ids[1],
      role: 'assistant',
      content: 'Try the jump leads [1]',
      sender_id: null,
      created_at: '2026-12-01T10:00:00+00:00',
      is_internal_note: false,
      metadata: { citations: [{ number: 1, slug: 'jump-start', title: 'Jump-starting', url: '/help/jump-start' }], hand_off_offered: false, provider: 'local', model: 'local-extractive-v1' },
    });
    expect(fromRealtime).not.toHaveProperty('confidence');
    expect(fromRealtime).toMatchObject({ role: 'assistant', model: 'local-extractive-v1', citations: [{ number: 1, title: 'Jump-starting', url: '/help/jump-start' }] });
    const odd = messageFromRow({ id: ids[2], role: 'system', content: 'x', created_at: new Date('2026-12-01T10:00:00Z'), metadata: 'not json' });
    expect(odd).toMatchObject({ citations: [], handOffOffered: false, createdAt: '2026-12-01T10:00:00.000Z' });
  });
});
