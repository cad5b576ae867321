import assert from 'node:assert/strict';
import { answerIsTooUnsure, customerAsksForPerson, handOffTranscript } from './hand-off.ts';

Deno.test('a customer asking for a person is recognised in everyday wording', () => {
  for (const message of ['I want to talk to a real person please', 'Can I speak to a human?', 'connect me with a technician', 'just call me', 'get me an agent']) {
    assert.equal(customerAsksForPerson(message), true, message);
  }
});

Deno.test('questions that merely mention people or technicians are not hand-off requests', () => {
  for (const message of ['How do I jump start a car?', 'my battery is dead every morning', 'what does the technician check at a service?']) {
    assert.equal(customerAsksForPerson(message), false, message);
  }
});

Deno.test('answers below the confidence threshold are too unsure', () => {
  assert.equal(answerIsTooUnsure(0.1), true);
  assert.equal(answerIsTooUnsure(0.9), false);
});

Deno.test('the hand-off transcript says which messages came with a photo, a recording or a file', () => {
  const text = (role: string, content: string) => ({ role, content, type: 'text', attachmentName: null, durationSeconds: null });
  const transcript = handOffTranscript([
    text('user', 'My dash shows an orange light'),
    text('assistant', 'Which light is it?'),
    { role: 'user', content: 'This one', type: 'image', attachmentName: 'dash.png', durationSeconds: null },
    { role: 'user', content: 'voice-message.webm', type: 'voice', attachmentName: 'voice-message.webm', durationSeconds: 12.7 },
    { role: 'user', content: 'invoice.pdf', type: 'file', attachmentName: 'invoice.pdf', durationSeconds: null },
  ]);
  assert.equal(
    transcript,
    [
      'Customer: My dash shows an orange light',
      'Assistant: Which light is it?',
      'Customer: This one [photo attached: dash.png]',
      'Customer: [voice message attached: voice-message.webm, 12 s]',
      'Customer: [file attached: invoice.pdf]',
    ].join('\n\n'),
  );
});

