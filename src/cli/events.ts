import type { AnyStateNode } from 'xstate';
import type { Model } from '../engine/model.js';
import { childStates } from '../engine/statechart.js';
import { EXIT, type CliIO } from './io.js';
import { resolveModel } from './models.js';

/** A state of the model as `events` lists it: the key a scenario writes, its description and its children. */
interface StateEntry {
  readonly key: string;
  readonly description: string | null;
  readonly parallel: boolean;
  readonly states: readonly StateEntry[];
}

function stateEntry(node: AnyStateNode): StateEntry {
  return { key: node.key, description: node.description ?? null, parallel: node.type === 'parallel', states: childStates(node).map(stateEntry) };
}

/** Everything a scenario author of `model` may write: event types, actors, tracks and states, outcomes. */
export function modelCatalogue(model: Model) {
  return {
    model: { id: model.id, title: model.title },
    events: model.eventTypes.map((type) => {
      const { description, senders, ...codes } = model.events[type]!;
      return { type, description, senders: senders ?? null, ...codes };
    }),
    actors: model.actorIds.map((id) => ({ id, ...model.actors[id]! })),
    tracks: childStates(model.machine.root).map(stateEntry),
    outcomes: model.outcomeNames.map((name) => ({ name, description: model.outcomes[name]!, resolved: model.resolvedOutcomes.has(name) })),
  };
}

function coding(event: ReturnType<typeof modelCatalogue>['events'][number]): string {
  const plover = event.plover === null ? 'no PLOVER event' : `PLOVER ${event.plover}${event.mode ? `/${event.mode}` : ''}`;
  const by = event.senders === null ? 'by any actor' : `by ${event.senders.join(', ')}`;
  return `${by} · CAMEO ${event.cameo} · ${plover} (${event.context})`;
}

function stateLines(entries: readonly StateEntry[], depth: number): string[] {
  const width = Math.max(0, ...entries.map((e) => e.key.length));
  return entries.flatMap((e) => [
    `${'  '.repeat(depth)}${e.key.padEnd(width)}  ${e.parallel ? '(parallel) ' : ''}${e.description ?? ''}`.trimEnd(),
    ...stateLines(e.states, depth + 1),
  ]);
}

/** `ceasefire events [--model <id>]`: a model's event types, actors, tracks and states, and outcomes, with descriptions and codes. */
export function listEvents(options: { format: string; model?: string }, io: CliIO): number {
  const catalogue = modelCatalogue(resolveModel(options.model));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
    return EXIT.ok;
  }
  const typeWidth = Math.max(...catalogue.events.map((e) => e.type.length));
  const actorWidth = Math.max(...catalogue.actors.map((a) => a.id.length));
  const outcomeWidth = Math.max(...catalogue.outcomes.map((o) => o.name.length));
  const lines = [
    `${catalogue.model.id}  ${catalogue.model.title}`,
    '',
    `Event types (${catalogue.events.length}):`,
    ...catalogue.events.flatMap((e) => [`  ${e.type.padEnd(typeWidth)}  ${e.description}`, `  ${''.padEnd(typeWidth)}  ${coding(e)}`]),
    '',
    `Actors (${catalogue.actors.length}):`,
    ...catalogue.actors.map((a) => `  ${a.id.padEnd(actorWidth)}  ${a.name} — ${a.role}${a.country ? ` (${a.country})` : ''}`),
    '',
    'Tracks and states (as `expect.state` names them):',
    ...stateLines(catalogue.tracks, 1),
    '',
    `Outcomes (${catalogue.outcomes.length}; * resolved: nothing the model allows changes them):`,
    ...catalogue.outcomes.map((o) => `  ${`${o.name}${o.resolved ? ' *' : ''}`.padEnd(outcomeWidth + 2)}  ${o.description}`),
    '',
  ];
  io.stdout.write(lines.join('\n'));
  return EXIT.ok;
}
