import { describe, expect, it } from 'vitest';
import {
  INITIAL_CONTEXT,
  bothPartiesAccepted,
  extendedTruceEnd,
  msUntilTruceEnds,
  truceEndFrom,
  type CeasefireContext,
} from '../../../src/models/ceasefire-2025/positions.js';

const DAY = 86_400_000;
const with_ = (patch: Partial<CeasefireContext>): CeasefireContext => ({ ...INITIAL_CONTEXT, ...patch });

describe('the domain rules of positions.ts', () => {
  it('ends a truce started on 16 March on 15 April', () => {
    expect(truceEndFrom('2025-03-16')).toBe('2025-04-15');
  });

  it('moves an extended truce ending 15 April to 15 May, whatever day it is extended', () => {
    expect(extendedTruceEnd('2025-04-15')).toBe('2025-05-15');
  });

  it('times the expiry from the calendar date to the truce end', () => {
    expect(msUntilTruceEnds(with_({ date: '2025-04-10', truceEndsOn: '2025-05-15' }))).toBe(35 * DAY);
    expect(msUntilTruceEnds(with_({ date: '2025-03-16', truceEndsOn: '2025-04-15' }))).toBe(30 * DAY);
    expect(msUntilTruceEnds(with_({ date: '2025-03-16', truceEndsOn: null }))).toBe(0);
  });

  it('accepts a ceasefire only when both parties accepted the same terms', () => {
    expect(bothPartiesAccepted(with_({ ukraine: 'endorsed', russia: 'accepted' }))).toBe(true);
    expect(bothPartiesAccepted(with_({ ukraine: 'revisedTermsAccepted', russia: 'revisedTermsAccepted' }))).toBe(true);
    expect(bothPartiesAccepted(with_({ ukraine: 'endorsed', russia: 'revisedTermsAccepted' }))).toBe(false);
    expect(bothPartiesAccepted(with_({ ukraine: 'endorsed', russia: 'conditional' }))).toBe(false);
  });
});
