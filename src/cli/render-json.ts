import type { ReplayResult } from '../engine/replay.js';

/** The `run --format json` object: the contract scripts rely on (see the README). */
export function runToJson(result: ReplayResult): object {
  return {
    scenario: result.scenario,
    title: result.title,
    branch: result.branch,
    steps: result.steps.map((step) => ({
      id: step.id,
      date: step.date,
      datePrecision: step.datePrecision,
      kind: step.kind,
      hypothetical: step.hypothetical,
      actor: step.actor.name,
      actorId: step.actor.id,
      event: step.event,
      sources: step.sources,
      verification: step.verification,
      attribution: step.attribution,
      ...(step.note ? { note: step.note } : {}),
      state: step.state,
      changes: step.changes,
    })),
    final: result.final,
    expectations: result.expectations.map(({ step, description, ok, actual }) => ({ step, description, ok, actual })),
    ok: result.ok,
  };
}
