// `npm run train -- <model>`: trains one of the local models from the data the repository ships and writes the
// file the runtime loads. `triage` (category and urgency models, triage-training/train.ts) or `embedder` (the
// local embedder's word vectors, embedder-training/train.ts); the arguments after the name go to that trainer.
const trainers: Record<string, () => Promise<(args: readonly string[]) => Promise<void>>> = {
  triage: async () => (await import('./triage-training/train.ts')).trainTriage,
  embedder: async () => (await import('./embedder-training/train.ts')).trainEmbedder,
};

const [name, ...args] = Deno.args;
const load = name === undefined ? undefined : trainers[name];
if (!load) {
  console.error(`usage: npm run train -- <${Object.keys(trainers).join('|')}> [options]`);
  Deno.exit(2);
}
await (await load())(args);
