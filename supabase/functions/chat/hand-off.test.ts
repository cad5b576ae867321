import assert from 'node:assert/strict';
import { answerIsTooUnsure, customerAsksForPerson } from './hand-off.ts';

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
