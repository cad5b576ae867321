// Prints the local provider's triage accuracy on the training tools' dev split as a JSON line for
// `npm run bench -- triage` (local/bench/triage.ts). The held-out set has its own one evaluation
// (supabase/tools/triage-evaluation/held-out-evaluation.ts); nothing in training reads it.
import { LocalTriageProvider } from '../../functions/_shared/triage/local-triage-provider.ts';
import { measureTriage } from './measure.ts';
import { newWordingDevTickets } from './new-wording-tickets.ts';

const provider = new LocalTriageProvider();
const figures = await measureTriage(provider, newWordingDevTickets);
console.log(JSON.stringify({ set: 'dev', model: provider.modelVersion, n: figures.n, category_accuracy: figures.categoryAccuracy, urgency_accuracy: figures.urgencyAccuracy, high_recall: figures.highRecall }));
