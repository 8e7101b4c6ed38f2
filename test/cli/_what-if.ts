/** The README's kind of what-if, as data: Russia rejects on Friday and the threatened sanctions follow. */
export const WHAT_IF = {
  id: 'russia-rejects-on-friday',
  title: 'What if Russia had rejected the proposal on Friday?',
  extends: 'march-2025',
  from: 'plea-to-spare',
  expectedOutcome: 'rejected',
  steps: [
    { id: 'putin-rejects', date: '2025-03-15', actor: 'putin', event: 'russia.reject' },
    { id: 'sanctions-imposed', date: '2025-03-20', actor: 'trump', event: 'us.imposeSanctions', expect: { state: { leverage: 'sanctionsImposed' } } },
  ],
};
