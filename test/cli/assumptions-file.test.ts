import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssumptions } from '../../src/cli/assumptions-file.js';
import { ceasefire2025, replay, type Model } from '../../src/index.js';
import { twoPartyTruce } from '../../src/models/index.js';
import record from '../../scenarios/march-2025.js';

const dir = mkdtempSync(join(tmpdir(), 'ceasefire-assumptions-'));
const file = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const onRecord = replay(record).snapshot;
const sanctioned = replay(record, { branch: 'russia-rejects-sanctions-follow' }).snapshot;
const truceStart = twoPartyTruce.machine.getInitialSnapshot(undefined as never);

/** The one-line message `readAssumptions` refuses `text` with. */
async function refusal(name: string, text: string | Buffer, model: Model = ceasefire2025): Promise<string> {
  const path = file(name, text);
  const error = await readAssumptions(model, path).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error?.name).toBe('ScenarioError');
  expect(error!.message).not.toContain('\n');
  expect(error!.message.startsWith(`${path}: `)).toBe(true);
  return error!.message.slice(path.length + 2);
}

describe('reading an assumptions file', () => {
  it('reads rates and rules from YAML with comments', async () => {
    const path = file(
      'assumptions.yaml',
      `# rates are expected occurrences per day; \`days: n\` gives a mean delay of n days instead
default: { days: 30 }
events:
  russia.*: { days: 20 }           # every event type in the russia namespace
  russia.reject: { rate: 0.01 }    # an exact event type
  truce.confirmViolation: { days: 90 }
rules:
  - when: leverage.sanctionsImposed
    events: [russia.reject]
    times: 3
`,
    );
    const assumptions = await readAssumptions(ceasefire2025, path);
    expect(assumptions).toMatchObject({ file: path, defaultsOnly: false, ruleLines: ['×3 on russia.reject where leverage.sanctionsImposed'] });
    expect(assumptions.rateOf('russia.reject', onRecord)).toBe(0.01);
    expect(assumptions.rateOf('russia.reject', sanctioned)).toBeCloseTo(0.03, 12);
    expect(assumptions.rateOf('russia.accept', onRecord)).toBe(0.05);
    expect(assumptions.rateOf('truce.confirmViolation', onRecord)).toBeCloseTo(1 / 90, 12);
    expect(assumptions.rateOf('aid.restore', onRecord)).toBe(1 / 30);
  });

  it('reads actors from JSON for a model that declares senders', async () => {
    const path = file('assumptions.json', JSON.stringify({ actors: { mediator: { days: 10 }, 'party-a': 0.05 }, events: { 'mediator.withdraw': 0 } }));
    const assumptions = await readAssumptions(twoPartyTruce, path);
    expect(assumptions.rateOf('mediator.propose', truceStart)).toBe(0.1);
    expect(assumptions.rateOf('truce.violate', truceStart)).toBeCloseTo(0.15, 12);
    expect(assumptions.rateOf('mediator.withdraw', truceStart)).toBe(0);
    expect(assumptions.rateOf('partyB.accept', truceStart)).toBe(1 / 30);
  });

  it('holds defaults only for a file that sets nothing', async () => {
    expect((await readAssumptions(ceasefire2025, file('nothing.yaml', '{}\n'))).defaultsOnly).toBe(true);
  });
});

describe('refusing an assumptions file, in one line naming the file and the field', () => {
  it('refuses an unknown event type, with the closest one', async () => {
    expect(await refusal('typo.yaml', 'events:\n  russia.rejct: { days: 5 }\n')).toMatch(/^field 'events\.russia\.rejct': unknown event type 'russia\.rejct'; did you mean 'russia\.reject'\? \(/);
  });

  it('refuses a condition that is neither an outcome nor a state path', async () => {
    const message = await refusal('when.yaml', 'rules:\n  - when: leverage.sanctionsImposd\n    events: [russia.reject]\n    times: 3\n');
    expect(message).toMatch(/^field 'rules\.0\.when': 'leverage\.sanctionsImposd' is neither an outcome \(no-proposal, .*, narrower-deal\) nor a state path such as proposal\.\w+$/);
  });

  it.each([
    ['effects.yaml', 'rules:\n  - { when: rejected, events: [russia.reject], times: 2 }\n  - { when: rejected, events: [russia.reject], rate: 1, days: 2 }\n', "field 'rules.1': give exactly one of times, rate, days"],
    ['top.yaml', 'default: 1\nevnts: {}\n', "field 'evnts': is not part of an assumptions file here (known: default, events, actors, rules)"],
    ['negative.yaml', 'events:\n  russia.reject: -1\n', "field 'events.russia.reject': a rate cannot be negative"],
    ['zero-days.yaml', 'default: { days: 0 }\n', "field 'default.days': a mean delay must be more than 0 days"],
    ['pattern.yaml', 'events:\n  nobody.*: 1\n', "field 'events.nobody.*': pattern 'nobody.*' matches no event type of model 'ceasefire-2025'"],
    ['timer.yaml', 'events:\n  xstate.after.truceEnds: 1\n', "field 'events.xstate.after.truceEnds': 'xstate.after.truceEnds' names XState's own events: timers (xstate.after.*) are fixed delays and take no rate"],
    ['empty.yaml', '', 'the file is empty (expected any of default, events, actors, rules)'],
    ['comments.yaml', '# nothing yet\n', 'the file is empty (expected any of default, events, actors, rules)'],
    ['prose.txt', 'Russia is likely to reject within the month.\n', 'not an assumptions file (expected a mapping of default, events, actors, rules, got text)'],
  ])('refuses %s', async (name, text, message) => {
    expect(await refusal(name, text)).toBe(message);
  });

  it('refuses an unknown actor', async () => {
    expect(await refusal('actor.yaml', 'actors:\n  mediatr: { days: 10 }\n', twoPartyTruce)).toBe(
      "field 'actors.mediatr': unknown actor 'mediatr'; did you mean 'mediator'? (known: party-a, party-b, mediator)",
    );
  });

  it('refuses text that is neither YAML nor JSON', async () => {
    expect(await refusal('broken.json', '{ "events": { "russia.reject": 1 ')).toMatch(/^not YAML or JSON \(.+\)$/);
    // Bytes YAML reads as one plain scalar: text, not a mapping.
    expect(await refusal('binary.yaml', Buffer.from([0x00, 0xff, 0x10, 0x5b, 0x7b]))).toBe('not an assumptions file (expected a mapping of default, events, actors, rules, got text)');
  });

  it('refuses a key written twice', async () => {
    expect(await refusal('twice.yaml', 'default: 1\ndefault: 2\n')).toMatch(/^not YAML or JSON \(Map keys must be unique/);
  });

  it('refuses a file of nested aliases rather than expanding it', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n');
    expect(await refusal('aliases.yaml', `${bomb}\n`)).toMatch(/^not YAML or JSON \(.*alias/i);
  });

  it('refuses a file that does not exist', async () => {
    const path = join(dir, 'missing.yaml');
    await expect(readAssumptions(ceasefire2025, path)).rejects.toThrow(`${path}: cannot read (no such file)`);
  });
});
