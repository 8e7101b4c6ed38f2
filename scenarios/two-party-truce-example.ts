import { defineScenario, runScenarioScript } from '../src/index.js';
import { twoPartyTruce } from '../src/models/two-party-truce/index.js';

/**
 * An example, not a record: the two-party truce template run through a
 * made-up negotiation (no article reports it), to copy for another conflict.
 */
const scenario = defineScenario(twoPartyTruce, {
  id: 'two-party-truce-example',
  title: 'Example (hypothetical): a truce countered, agreed, extended and run out',
  description: 'A made-up negotiation on the two-party truce template; an example to copy, not a record of any conflict.',
  articles: [],
  until: '2026-03-20',
  expectedOutcome: 'truce-expired',
  steps: [
    { id: 'proposed', date: '2026-01-05', actor: 'mediator', event: 'mediator.propose' },
    { id: 'a-accepts', date: '2026-01-06', actor: 'party-a', event: 'partyA.accept' },
    { id: 'b-counters', date: '2026-01-07', actor: 'party-b', event: 'partyB.counter', expect: { outcome: 'countered' } },
    { id: 'terms-revised', date: '2026-01-09', actor: 'mediator', event: 'mediator.reviseTerms', expect: { state: { answers: { partyA: 'pending', partyB: 'pending' } } } },
    { id: 'a-accepts-revised', date: '2026-01-10', actor: 'party-a', event: 'partyA.accept' },
    { id: 'b-accepts-revised', date: '2026-01-12', actor: 'party-b', event: 'partyB.accept', expect: { outcome: 'agreed' } },
    { id: 'truce-starts', date: '2026-01-15', actor: 'mediator', event: 'truce.start' },
    { id: 'violation-reported', date: '2026-01-20', actor: 'party-a', event: 'truce.violate', note: 'Reported, never confirmed: the truce holds.' },
    { id: 'truce-extended', date: '2026-02-10', actor: 'mediator', event: 'truce.extend', note: 'Another 30 days from the end on 14 February: it now ends on 16 March.' },
  ],
});

export default scenario;

await runScenarioScript(import.meta.url, scenario);
