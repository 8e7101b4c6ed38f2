import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';

/** How many resolved configurations {@link snapshotMaker} keeps before it starts afresh. */
const KEPT = 4096;

/**
 * `machine.resolveState` for many states that share configurations: XState
 * resolves the active nodes of a configuration once (the costly part), and a
 * state with the same configuration and another context reuses them. A
 * machine snapshot is a plain object, so a copy with another context is one.
 */
export function snapshotMaker(machine: AnyStateMachine): (key: string, value: StateValue, context: unknown) => AnyMachineSnapshot {
  let resolved = new Map<string, AnyMachineSnapshot>();
  return (key, value, context) => {
    let base = resolved.get(key);
    if (!base) {
      // Bounded: a large exploration meets millions of configurations.
      if (resolved.size >= KEPT) resolved = new Map();
      base = machine.resolveState({ value, context }) as AnyMachineSnapshot;
      resolved.set(key, base);
      return base;
    }
    return base.context === context ? base : ({ ...base, context } as AnyMachineSnapshot);
  };
}
