import { z } from 'zod';
import { suggestion } from './_closest.js';
import { ScenarioError } from './errors.js';
import type { Matchable, Model } from './model.js';
import { stateCondition } from './state-condition.js';

/** Where a rate came from, for the output's table of assumptions. */
export interface RateSource {
  readonly event: string;
  /** Expected occurrences per day. */
  readonly rate: number;
  readonly from: 'default' | 'event' | 'pattern' | 'actor';
}

/** An analyst's rates of events (expected occurrences per day), possibly depending on the state. */
export interface Assumptions {
  /** The file the assumptions came from, or null for the built-in defaults. */
  readonly file: string | null;
  /** True when nothing but the built-in default rate applies (no file, or a file that sets nothing). */
  readonly defaultsOnly: boolean;
  /** The rate per day of `eventType` in `state` (never a timer event). */
  rateOf(eventType: string, state: Matchable): number;
  /** A short key of which rules' `when` hold in `state` ('' with no rules), so that callers can tell states apart that rules treat differently; reads the state only through `matches` / outcomeOf. */
  conditionsOf(state: Matchable): string;
  /** Base rate of every event type of the model, before rules, with where it came from (catalogue order). */
  readonly baseRates: readonly RateSource[];
  /** One line per rule, as an analyst would read it ("×3 on russia.reject where leverage.sanctionsImposed"). */
  readonly ruleLines: readonly string[];
}

/** The built-in default: every event a mean delay of 30 days. */
export const DEFAULT_MEAN_DAYS = 30;

// Timers are fixed delays the odds handle apart: no rate may be given to them.
const TIMER_PREFIX = 'xstate.after.';
const TOP_KEYS = ['default', 'events', 'actors', 'rules'];
const RULE_KEYS = ['when', 'events', 'actor', 'times', 'rate', 'days'];

/** A value echoed in a message: short, on one line. */
function shown(input: unknown): string {
  if (typeof input === 'string') return `'${input.length > 60 ? `${input.slice(0, 57)}...` : input}'`;
  if (input === null || typeof input !== 'object') return String(input);
  return Array.isArray(input) ? 'a list' : 'a mapping';
}

const perDay = z.number({ error: (iss) => `expected a rate per day, got ${shown(iss.input)}` }).min(0, 'a rate cannot be negative');
const meanDays = z.number({ error: (iss) => `expected a number of days, got ${shown(iss.input)}` }).positive('a mean delay must be more than 0 days');
const rateValue = z.union([perDay, z.strictObject({ rate: perDay.optional(), days: meanDays.optional() })], {
  error: (iss) => `expected a rate: a number per day, { rate: x } or { days: n }, got ${shown(iss.input)}`,
});
const names = (what: string) =>
  z.union([z.string(), z.array(z.string({ error: (iss) => `expected ${what}, got ${shown(iss.input)}` })).min(1, 'is an empty list')], {
    error: (iss) => `expected ${what} or a list of them, got ${shown(iss.input)}`,
  });
const ruleSchema = z.strictObject(
  {
    when: names('an outcome or a state path'),
    events: names('an event type or a pattern').optional(),
    actor: z.string({ error: (iss) => `expected an actor id, got ${shown(iss.input)}` }).optional(),
    times: z.number({ error: (iss) => `expected a factor, got ${shown(iss.input)}` }).min(0, 'a factor cannot be negative').optional(),
    rate: perDay.optional(),
    days: meanDays.optional(),
  },
  { error: (iss) => (iss.code === 'invalid_type' ? `expected a rule with when, events or actor, and times, rate or days, got ${shown(iss.input)}` : undefined) },
);
const fileSchema = z.strictObject({
  default: rateValue.optional(),
  events: z.record(z.string(), rateValue, { error: (iss) => `expected a mapping of event types and patterns to rates, got ${shown(iss.input)}` }).optional(),
  actors: z.record(z.string(), rateValue, { error: (iss) => `expected a mapping of actor ids to rates, got ${shown(iss.input)}` }).optional(),
  rules: z.array(ruleSchema, { error: (iss) => `expected a list of rules, got ${shown(iss.input)}` }).optional(),
});
type RateValue = z.infer<typeof rateValue>;
type FileData = z.infer<typeof fileSchema>;
type Rule = z.infer<typeof ruleSchema>;

/** A rule checked against the model: where it holds, what it selects, what it does. */
interface CheckedRule {
  holds(state: Matchable): boolean;
  readonly selects: ReadonlySet<string>;
  apply(rate: number): number;
  readonly line: string;
}

type Path = ReadonlyArray<string | number>;

/** The value at `path` in `data`, or undefined. */
function at(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

/** Refusals name the file and the field, on one line whatever the keys hold. */
function refuser(file: string) {
  return (path: Path, message: string): never => {
    throw new ScenarioError(`${file}: field '${path.join('.')}': ${message}`.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
  };
}

/** The file's data checked for shape: any problem is one line naming the file and the field. */
function shapeOf(data: unknown, file: string): FileData {
  if (data === null || data === undefined) throw new ScenarioError(`${file}: the file is empty (expected any of ${TOP_KEYS.join(', ')})`);
  const result = fileSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.path.length === 0 && issue.code !== 'unrecognized_keys') {
    const got = typeof data === 'string' ? 'text' : Array.isArray(data) ? 'a list' : `a ${typeof data}`;
    throw new ScenarioError(`${file}: not an assumptions file (expected a mapping of ${TOP_KEYS.join(', ')}, got ${got})`);
  }
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const known = path.length === 0 ? TOP_KEYS : path[0] === 'rules' && path.length === 2 ? RULE_KEYS : ['rate', 'days'];
    return refuser(file)([...path, issue.keys[0]!], `is not part of an assumptions file here (known: ${known.join(', ')})`);
  }
  return refuser(file)(path, at(data, path) === undefined ? 'is missing' : issue.message);
}

/** The rate per day a value gives, or a refusal when it gives both or neither of `rate` and `days`. */
function rateFrom(value: RateValue, path: Path, fail: ReturnType<typeof refuser>): number {
  if (typeof value === 'number') return value;
  if ((value.rate === undefined) === (value.days === undefined)) return fail(path, 'give exactly one of rate, days');
  return value.rate ?? 1 / value.days!;
}

/** A pattern's test: `*` stands for any run of characters, everything else for itself. */
function patternTest(pattern: string): (type: string) => boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  const regex = new RegExp(`^${source}$`);
  return (type) => regex.test(type);
}

/** A dotted state path two levels deep, as an example of one in messages. */
function examplePath(model: Model): string {
  const keys: string[] = [];
  for (let node = model.machine.root; keys.length < 2; ) {
    const first = Object.keys(node.states)[0];
    if (first === undefined) break;
    keys.push(first);
    node = node.states[first]!;
  }
  return keys.join('.');
}

/** Everything a file may name, checked against the model. */
function checker(model: Model, fail: ReturnType<typeof refuser>) {
  const sendersOf = (actor: string) => model.eventTypes.filter((type) => model.events[type]!.senders?.includes(actor));
  return {
    /** The event types an exact name or a pattern selects (an exact name: itself). */
    events(name: string, path: Path): string[] {
      if (name.startsWith('xstate.')) return fail(path, `'${name}' names XState's own events: timers (${TIMER_PREFIX}*) are fixed delays and take no rate`);
      if (!name.includes('*')) return model.isEventType(name) ? [name] : fail(path, `unknown event type '${name}'${suggestion(name, model.eventTypes)}`);
      const test = patternTest(name);
      const found = model.eventTypes.filter(test);
      return found.length ? found : fail(path, `pattern '${name}' matches no event type of model '${model.id}'`);
    },
    /** The event types `actor` sends, as the model's `senders` say. */
    actor(actor: string, path: Path): string[] {
      if (!model.isActorId(actor)) return fail(path, `unknown actor '${actor}'${suggestion(actor, model.actorIds)}`);
      const sent = sendersOf(actor);
      return sent.length ? sent : fail(path, `actor '${actor}' sends no event type: no event of model '${model.id}' lists it among its senders`);
    },
    /** A state condition: an outcome name, or a dotted state path. */
    condition(name: string, path: Path): (state: Matchable) => boolean {
      const condition = stateCondition(model, name);
      return condition ? (state) => condition.test(state) : fail(path, `'${name}' is neither an outcome (${model.outcomeNames.join(', ')}) nor a state path such as ${examplePath(model)}`);
    },
  };
}

const listOf = (names: string | readonly string[]) => (typeof names === 'string' ? [names] : names);
const figure = (x: number) => String(Number(x.toPrecision(6)));

/** A rule checked against the model, with its line for the table of assumptions. */
function checkRule(model: Model, rule: Rule, index: number, check: ReturnType<typeof checker>, fail: ReturnType<typeof refuser>): CheckedRule {
  const path = ['rules', index];
  if (rule.events === undefined && rule.actor === undefined) fail(path, 'give events, actor or both');
  if ([rule.times, rule.rate, rule.days].filter((x) => x !== undefined).length !== 1) fail(path, 'give exactly one of times, rate, days');
  const whens = listOf(rule.when);
  const conditions = whens.map((name, j) => check.condition(name, typeof rule.when === 'string' ? [...path, 'when'] : [...path, 'when', j]));
  const selects = new Set<string>();
  const events = rule.events === undefined ? [] : listOf(rule.events);
  events.forEach((name, j) => check.events(name, typeof rule.events === 'string' ? [...path, 'events'] : [...path, 'events', j]).forEach((type) => selects.add(type)));
  if (rule.actor !== undefined) check.actor(rule.actor, [...path, 'actor']).forEach((type) => selects.add(type));
  const { times, rate, days } = rule;
  const apply = times !== undefined ? (r: number) => r * times : rate !== undefined ? () => rate : () => 1 / days!;
  const effect = times !== undefined ? `×${figure(times)}` : rate !== undefined ? `rate ${figure(rate)} per day` : `a mean delay of ${figure(days!)} days`;
  const selection = [...events, ...(rule.actor === undefined ? [] : [`events sent by ${rule.actor}`])].join(' and ');
  const where = whens.map((name) => (model.outcomeNames.includes(name) ? `outcome ${name}` : name)).join(' and ');
  return { holds: (state) => conditions.every((holds) => holds(state)), selects, apply, line: `${effect} on ${selection} where ${where}` };
}

/** The base rate of every event type, before rules: exact event > longest pattern > actors (added) > default. */
function baseRatesOf(model: Model, data: FileData, check: ReturnType<typeof checker>, fail: ReturnType<typeof refuser>): RateSource[] {
  const fallback = data.default === undefined ? 1 / DEFAULT_MEAN_DAYS : rateFrom(data.default, ['default'], fail);
  const exact = new Map<string, number>();
  const patterns: Array<{ selects: ReadonlySet<string>; length: number; rate: number }> = [];
  for (const [name, value] of Object.entries(data.events ?? {})) {
    const path = ['events', name];
    const selected = check.events(name, path);
    const rate = rateFrom(value, path, fail);
    if (name.includes('*')) patterns.push({ selects: new Set(selected), length: name.length, rate });
    else exact.set(name, rate);
  }
  // The longest pattern first; among equally long ones the first written wins (a stable sort keeps file order).
  patterns.sort((a, b) => b.length - a.length);
  const actorRate = new Map<string, number>();
  for (const [actor, value] of Object.entries(data.actors ?? {})) {
    const path = ['actors', actor];
    const sent = check.actor(actor, path);
    const rate = rateFrom(value, path, fail);
    // Each named sender is an independent chance: their rates add.
    for (const type of sent) actorRate.set(type, (actorRate.get(type) ?? 0) + rate);
  }
  return model.eventTypes.map((event): RateSource => {
    const own = exact.get(event);
    if (own !== undefined) return { event, rate: own, from: 'event' };
    const pattern = patterns.find((p) => p.selects.has(event));
    if (pattern) return { event, rate: pattern.rate, from: 'pattern' };
    const sent = actorRate.get(event);
    if (sent !== undefined) return { event, rate: sent, from: 'actor' };
    return { event, rate: fallback, from: 'default' };
  });
}

/** Assumptions from checked data; `file` is null for the built-in defaults. */
function assemble(model: Model, data: FileData, file: string | null): Assumptions {
  const fail = refuser(file ?? 'built-in assumptions');
  const check = checker(model, fail);
  const baseRates = baseRatesOf(model, data, check, fail);
  const rules = (data.rules ?? []).map((rule, i) => checkRule(model, rule, i, check, fail));
  const base = new Map(baseRates.map((s) => [s.event, s.rate]));
  // Each event type with the rules that select it, in file order.
  const rulesFor = new Map(model.eventTypes.map((type) => [type, rules.filter((rule) => rule.selects.has(type))]));
  return {
    file,
    defaultsOnly: rules.length === 0 && baseRates.every((s) => s.rate === 1 / DEFAULT_MEAN_DAYS),
    rateOf(eventType, state) {
      const rate = base.get(eventType);
      if (rate === undefined) {
        const why = eventType.startsWith(TIMER_PREFIX) ? 'is a timer event, which takes no rate' : `is not an event type of model '${model.id}'`;
        throw new Error(`rateOf: '${eventType}' ${why}`);
      }
      return rulesFor.get(eventType)!.reduce((r, rule) => (rule.holds(state) ? rule.apply(r) : r), rate);
    },
    conditionsOf: (state) => rules.map((rule) => (rule.holds(state) ? '1' : '0')).join(''),
    baseRates,
    ruleLines: rules.map((rule) => rule.line),
  };
}

/** The built-in default: every event type of `model` a mean delay of {@link DEFAULT_MEAN_DAYS} days, no rules. */
export function defaultAssumptions(model: Model): Assumptions {
  return assemble(model, {}, null);
}

/**
 * Check parsed file data against `model` and build its assumptions; `file` names the file in errors.
 * Anything wrong is a one-line {@link ScenarioError}: `<file>: field '<dotted.path>': <what is wrong>`.
 * @example
 * const assumptions = assumptionsFrom(model, { events: { 'russia.*': { days: 20 } } }, 'assumptions.yaml');
 * assumptions.rateOf('russia.reject', snapshot); // 0.05
 */
export function assumptionsFrom(model: Model, data: unknown, file: string): Assumptions {
  return assemble(model, shapeOf(data, file), file);
}

/**
 * The same assumptions with one event type's base rate replaced (rules still
 * apply on top): what `odds --sweep` and the tornado vary. `data` is the
 * file's data ({} for the defaults).
 * @example
 * const faster = withEventRate(model, data, 'assumptions.yaml', 'russia.reject', 0.1);
 */
export function withEventRate(model: Model, data: unknown, file: string | null, event: string, rate: number): Assumptions {
  const shaped = data === null || data === undefined ? {} : shapeOf(data, file ?? 'built-in assumptions');
  return assemble(model, { ...shaped, events: { ...(shaped.events ?? {}), [event]: rate } }, file);
}
