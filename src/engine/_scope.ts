import { createEmptyActor, type AnyActorScope } from 'xstate';

/**
 * One actor scope reused for every transition, as `xstate/graph` does: the
 * pure `transition` builds a throwaway actor per call, six times slower.
 * Actions that would run (delayed raises) are dropped: the explorer treats
 * delayed transitions as events of their own.
 */
export function createTransitionScope(): AnyActorScope {
  const self = createEmptyActor();
  return {
    self,
    logger: () => {},
    id: '',
    sessionId: 'explore',
    defer: () => {},
    system: self.system,
    stopChild: () => {},
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope;
}
