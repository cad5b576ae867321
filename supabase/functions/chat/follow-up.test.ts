import assert from 'node:assert/strict';
import { isFollowUp, retrievalQuery } from './follow-up.ts';

Deno.test('a follow-up is searched with the previous question; a question that stands alone is not', () => {
  assert.equal(retrievalQuery('could it just be the cabin fan?', 'my aircon is blowing warm'), 'my aircon is blowing warm\ncould it just be the cabin fan?');
  assert.equal(retrievalQuery('what about the rear ones?', 'my front tyres wear on the inside'), 'my front tyres wear on the inside\nwhat about the rear ones?');
  assert.equal(retrievalQuery('and the price?', 'how often should I change synthetic oil'), 'how often should I change synthetic oil\nand the price?');
  assert.equal(retrievalQuery('how do I download my invoice as a PDF from the app', 'my battery dies overnight'), 'how do I download my invoice as a PDF from the app');
  assert.equal(retrievalQuery('could it just be the cabin fan?', null), 'could it just be the cabin fan?');
  assert.equal(isFollowUp('My brake pedal feels spongy and goes to the floor'), false);
});
