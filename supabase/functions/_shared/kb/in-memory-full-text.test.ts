import assert from 'node:assert/strict';
import { InMemoryFullTextIndex } from './in-memory-full-text.ts';

const documents = [
  { id: 'billing', title: 'Understanding your invoice', body: 'Each invoice lists the charges of the month. Charges appear once.' },
  { id: 'router', title: 'Router keeps disconnecting', body: 'If the connection drops, restart the router and update the firmware.' },
  { id: 'charges', title: 'Duplicate charges', body: 'A pending authorisation can look like a duplicate charge on your invoice.' },
];

Deno.test('full-text: any stemmed query term matches (OR), stop words are ignored', () => {
  const index = new InMemoryFullTextIndex(documents);
  assert.deepEqual(index.search('the connections are dropping').map((result) => result.id), ['router']);
  assert.deepEqual(index.search('of the and').map((result) => result.id), []);
  assert.equal(index.search('firmware or invoices').length, 3);
});

Deno.test('full-text: a title match outranks the same word in a body', () => {
  const index = new InMemoryFullTextIndex(documents);
  assert.equal(index.search('duplicate charge')[0].id, 'charges');
  assert.equal(index.search('invoice')[0].id, 'billing');
});
