/** A small hand-made dataset that exercises every mechanism of the engine, independent of data/. */
import { Dataset } from '../../../src/core/schema';

const src = ['src-a'];
const fact = (o: Record<string, unknown>) => ({ title: String(o.id), body: 'A test fact.', tolerance: 0.02, asOf: '2026-04-21', status: 'confirmed', sources: src, scope: 'deal', ...o });

export const mini = Dataset.parse({
  story: {
    id: 'mini',
    title: 'Mini deal',
    body: 'A test story.',
    announced: '2026-04-20',
    dealParties: ['amazon', 'anthropic'],
    parties: {
      amazon: { forms: ['Amazon', 'Amazon Web Services'], exactForms: ['AWS'] },
      anthropic: { forms: ['Anthropic', 'Claude maker', 'Claude'] },
      openai: { forms: ['OpenAI'] },
      microsoft: { forms: ['Microsoft', 'Azure'] },
      google: { forms: ['Google'] },
    },
    dealWords: ['invest*', 'stake', 'valuation', 'commitment', 'gigawatt*', 'Trainium*'],
  },
  sources: [{ id: 'src-a', publisher: 'Test', title: 'A test source', date: '2026-04-21', kind: 'primary' }],
  terms: [
    { id: 'trainium', title: 'Trainium', body: 'Amazon chips.', forms: ['Trainium', 'Trainium2', 'Trainium 2'], exactForms: ['Trn2'] },
    { id: 'aws', title: 'AWS', body: 'Amazon cloud.', forms: ['Amazon Web Services'], exactForms: ['AWS'] },
  ],
  facts: [
    fact({ id: 'now-5b', value: 5e9, unit: 'usd', qualifier: 'exact', parties: ['amazon', 'anthropic'], cues: { topic: ['invest*', 'immediately', 'up front', 'upfront', 'now'] }, conflict: 'wrong-now', validFrom: '2026-04-20' }),
    fact({ id: 'total-25b', value: 25e9, unit: 'usd', qualifier: 'up-to', parties: ['amazon', 'anthropic'], cues: { topic: ['invest*', 'deal'] }, caveats: ['ceiling'], validFrom: '2026-04-20' }),
    fact({ id: 'exposure-33b', value: 33e9, unit: 'usd', qualifier: 'up-to', parties: ['amazon', 'anthropic'], cues: { topic: ['exposure', 'total'] }, validFrom: '2026-04-20' }),
    fact({ id: 'valuation', value: 380e9, unit: 'usd', qualifier: 'about', tolerance: 0.03, parties: ['anthropic'], cues: { topic: ['valuation', 'valued', 'values'] }, conflict: 'wrong-valuation', validFrom: '2026-02-12' }),
    fact({ id: 'horizon', value: 10, unit: 'years', qualifier: 'exact', parties: ['anthropic', 'amazon'], cues: { topic: ['commit*', 'spend*', 'over'] }, conflict: 'wrong-horizon', validFrom: '2026-04-20' }),
    fact({ id: 'capacity', value: 5, unit: 'gw', qualifier: 'up-to', parties: ['anthropic', 'amazon'], cues: { topic: ['capacity', 'compute', 'secured'] }, conflict: 'wrong-capacity', validFrom: '2026-04-20' }),
    fact({ id: 'trn-1gw', value: 1, unit: 'gw', qualifier: 'about', tolerance: 0.1, parties: ['anthropic', 'amazon'], cues: { topic: ['Trainium2', 'Trainium3', 'end of 2026'] }, validFrom: '2026-04-20' }),
    fact({ id: 'msft-5b', value: 5e9, unit: 'usd', qualifier: 'up-to', parties: ['microsoft', 'anthropic'], scope: 'neighbour', cues: { topic: ['invest*', 'stake'] } }),
    fact({ id: 'msft-azure-30b', value: 30e9, unit: 'usd', qualifier: 'exact', parties: ['microsoft', 'anthropic'], scope: 'neighbour', cues: { topic: ['Azure', 'spending'] } }),
    fact({ id: 'revenue', value: 30e9, unit: 'usd', qualifier: 'more-than', parties: ['anthropic'], cues: { topic: ['revenue', 'run-rate', 'annualized'] }, caveats: ['self-reported'] }),
    fact({ id: 'openai-50b', value: 50e9, unit: 'usd', qualifier: 'exact', parties: ['amazon', 'openai'], scope: 'neighbour', cues: { topic: ['invest*'] } }),
    fact({ id: 'openai-100b', value: 100e9, unit: 'usd', qualifier: 'exact', parties: ['openai', 'amazon'], scope: 'neighbour', cues: { topic: ['cloud', 'commitment', 'AWS'] } }),
    fact({ id: 'commit-100b', value: 100e9, unit: 'usd', qualifier: 'more-than', parties: ['anthropic', 'amazon'], cues: { topic: ['commit*', 'spend*', 'spending'] }, validFrom: '2026-04-20' }),
    fact({ id: 'first-4b', value: 4e9, unit: 'usd', qualifier: 'up-to', parties: ['amazon', 'anthropic'], status: 'superseded', scope: 'deal', cues: { topic: ['invest*'] }, validFrom: '2023-09-25', validUntil: '2024-03-26', supersededBy: ['total-25b'] }),
  ],
  caveats: [
    { id: 'ceiling', title: 'A ceiling', body: 'Most is contingent.', asOf: '2026-04-21', sources: src, appliesTo: ['total-25b'] },
    { id: 'self-reported', title: 'Self-reported', body: 'The company says so.', asOf: '2026-04-21', sources: src, appliesTo: ['revenue'] },
  ],
  conflicts: [
    { id: 'wrong-now', title: 'Not paid now', body: 'Only $5B is immediate.', verdict: 'conflict', record: '$5B now.', why: 'The rest is contingent.', asOf: '2026-04-21', sources: src, facts: ['now-5b'], match: { type: 'figure', fact: 'now-5b' } },
    { id: 'wrong-valuation', title: 'Other valuation', body: 'The valuation is about $380B.', verdict: 'conflict', record: 'About $380B.', why: 'Series G.', asOf: '2026-04-21', sources: src, facts: ['valuation'], match: { type: 'figure', fact: 'valuation' } },
    { id: 'wrong-horizon', title: 'Other horizon', body: 'Ten years.', verdict: 'conflict', record: 'Ten years.', why: 'Announced so.', asOf: '2026-04-21', sources: src, facts: ['horizon'], match: { type: 'figure', fact: 'horizon' } },
    { id: 'wrong-capacity', title: 'Other capacity', body: 'Up to 5 GW.', verdict: 'conflict', record: 'Up to 5 GW.', why: 'Announced so.', asOf: '2026-04-21', sources: src, facts: ['capacity'], match: { type: 'figure', fact: 'capacity' } },
    { id: 'exposure-floor', title: 'A ceiling, not a floor', body: 'Up to $33B.', verdict: 'conflict', record: 'Up to $33B.', why: 'Contingent.', asOf: '2026-04-21', sources: src, facts: ['exposure-33b'], match: { type: 'figure', fact: 'exposure-33b', on: 'qualifier' } },
    { id: 'annual-revenue', title: 'Run-rate, not annual revenue', body: 'A run-rate.', verdict: 'conflict', record: 'Run-rate.', why: 'Not a year of sales.', asOf: '2026-04-21', sources: src, facts: ['revenue'], match: { type: 'phrase', phrases: ['annual revenue'], near: ['Anthropic', '$30 billion'], unless: ['run-rate'] } },
    { id: 'available-now', title: 'Coming soon', body: 'Not yet available.', verdict: 'conflict', record: 'Coming soon.', why: 'Not GA.', asOf: '2026-04-21', sources: src, facts: [], match: { type: 'phrase', phrases: ['can now access', 'available now'], near: ['console', 'Claude Platform'], unless: ['coming soon', 'not yet'] } },
  ],
});
