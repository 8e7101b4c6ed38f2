import { createEmptyActor, type AnyActorScope } from 'xstate';

/**
 * One actor scope reused for every transition, as `xstate/graph` does: the
 * pure `transition` builds a throwaway actor per call, six times slower.
 * Actions that would run (delayed raises) go to `onAction`, dropped by
 * default: the explorer treats delayed transitions as events of their own.
 */
export function createTransitionScope(onAction: (action: { type: string; params?: unknown }) => void = () => {}): AnyActorScope {
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
    actionExecutor: onAction,
  } as unknown as AnyActorScope;
}
