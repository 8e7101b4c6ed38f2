import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { ceasefireMachine, defineScenario } from '../../src/index.js';
import { buildViewData } from '../../src/viewer/view-data.js';
import record from '../../scenarios/march-2025.js';

const noDiagram = { width: 0, height: 0, nodes: [], edges: [] };

describe('the viewer data', () => {
  it('gives each step its attribution and date precision, and no headline for articles that carry none', () => {
    const credited = defineScenario({
      id: 'credited',
      title: 'Credited',
      description: 'test',
      articles: record.articles,
      extends: { scenario: record, from: 'plea-to-spare' },
      steps: [
        {
          id: 'reported-rejection', date: '2025-03-14', datePrecision: 'undated', actor: 'putin', event: 'russia.reject',
          verification: 'reported', attribution: '<b>The New York Times</b> reported',
          sources: [{ article: '002', quote: 'Putin will drag out a deal for a ceasefire because he is not interested in peace' }],
        },
      ],
    });
    const data = buildViewData([credited], noDiagram, initialTransition(ceasefireMachine)[0].value);
    const steps = data.scenarios[0]!.roads[0]!.steps;
    expect(steps.at(-1)).toMatchObject({
      attribution: '<b>The New York Times</b> reported',
      datePrecision: 'undated',
      sources: [{ article: '002', title: null }],
    });
    expect(steps[0]).toMatchObject({ attribution: null, datePrecision: 'month' });
    expect(data.scenarios[0]!.articles.every((a) => a.title === null)).toBe(true);
  });
});
