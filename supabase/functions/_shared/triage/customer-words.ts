// The customer's own words of a ticket body. A chat hand-off ticket's body is the transcript built by
// `chat/conversation.ts` ("Customer: …" / "Assistant: …" blocks); the assistant's and the system's lines are our
// words, not the customer's, so sentiment and urgency must never read them (issue 15: the assistant's "happy to
// help" made "this is dangerous and I am really upset" look neutral).
const speakerLine = /^(Customer|Assistant|System):[ \t]?/;

export function customerOwnWords(body: string): string {
  const blocks = body.split(/\n{2,}/);
  if (!blocks.some((block) => speakerLine.test(block))) return body;
  const customerBlocks: string[] = [];
  let speaker: string | undefined;
  for (const block of blocks) {
    const match = block.match(speakerLine);
    if (match) speaker = match[1];
    // A block with no label continues the previous speaker's message (a message with blank lines in it).
    if (speaker === 'Customer') customerBlocks.push(match ? block.slice(match[0].length) : block);
  }
  return customerBlocks.join('\n\n');
}
