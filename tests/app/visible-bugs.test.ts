// Issue 21's visible bugs whose rule is pure logic: the conversation title (no more "…is it dangerous a…") and the
// knowledge-base category (chosen from the list, or a new one stored the way the others are).
import { describe, expect, it } from 'vitest';
import { articleFormSchema } from '../../app/lib/shared/kb-article-schema.ts';
import { CONVERSATION_TITLE_MAX, conversationTitleFor } from '../../app/lib/shared/messages.ts';

describe('conversation titles', () => {
  it('keeps a question of up to the maximum whole, past the old 80-character cut', () => {
    const question = 'My brake pedal has gone soft and sinks almost to the floor when I stop, is it dangerous and can I still drive it?';
    expect(question.length).toBeGreaterThan(80);
    expect(conversationTitleFor(question)).toBe(question);
    expect(conversationTitleFor(`  ${question.replace(/ /g, '\n ')}  `)).toBe(question);
  });

  it('cuts only a longer question, at a word, and says so with an ellipsis', () => {
    const question = `${'word '.repeat(60)}end`;
    const title = conversationTitleFor(question);
    expect(title.length).toBeLessThanOrEqual(CONVERSATION_TITLE_MAX);
    expect(title.endsWith('word…')).toBe(true);
  });
});

describe('knowledge-base category', () => {
  const form = (fields: Record<string, string>) => articleFormSchema.safeParse({ title: 'Change the oil', content: 'Body', ...fields });

  it('takes the category chosen from the list', () => {
    expect(form({ category: 'maintenance', newCategory: '' }).data?.category).toBe('maintenance');
  });

  it('stores a new category like the others: lower case, words joined by hyphens', () => {
    expect(form({ category: '', newCategory: '  Battery and Charging ' }).data?.category).toBe('battery-and-charging');
  });

  it('asks for one when neither is given', () => {
    const result = form({ category: '', newCategory: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['category', 'Choose a category, or type a new one.']]);
  });
});
