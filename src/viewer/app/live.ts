import type { DiagramLayout } from '../view-data.js';

/** An inspection event as `@statelyai/inspect` sends it (the fields the viewer reads), or a chart the viewer server laid out. */
interface InspectionMessage {
  type: string;
  sessionId?: string;
  parentId?: string;
  name?: string;
  definition?: string;
  event?: { type?: string };
  snapshot?: { value?: unknown };
  layout?: DiagramLayout;
  partial?: boolean;
  error?: string;
}

/** What the live panel reports to the page; `session` is the inspected actor's session id. */
export interface LiveHandlers {
  /** A new actor; `root` when it has no parent (the machine a run inspects). */
  onActor(name: string, session: string, root: boolean): void;
  onEvent(type: string): void;
  onSnapshot(value: unknown, session: string): void;
  /** The server laid out the actor's machine from its definition, or says why it could not. */
  onDiagram(session: string, diagram: { layout: DiagramLayout; partial: boolean } | { error: string }): void;
  onStatus(text: string): void;
}

/** The machine's id from an actor's definition (its configuration as JSON), if it has one. */
function machineId(definition: string | undefined): string | null {
  try {
    const id = definition ? (JSON.parse(definition) as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/**
 * Connect to the viewer server's inspection relay (the same WebSocket
 * protocol as the Stately inspector) and report actors, events, snapshots
 * and the charts the server lays out for them.
 */
export function connectLive(url: string, handlers: LiveHandlers): void {
  let socket: WebSocket;
  const open = () => {
    socket = new WebSocket(url);
    socket.onopen = () => handlers.onStatus('Waiting for a live actor… run `ceasefire run <scenario> --inspect`.');
    socket.onclose = () => {
      handlers.onStatus('Not connected; retrying…');
      setTimeout(open, 2000);
    };
    socket.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      let data: InspectionMessage;
      try {
        data = JSON.parse(message.data) as InspectionMessage;
      } catch {
        return;
      }
      const session = data.sessionId ?? '';
      if (data.type === '@xstate.actor') {
        handlers.onActor(machineId(data.definition) ?? data.name ?? session, session, !data.parentId);
        if (data.snapshot?.value !== undefined) handlers.onSnapshot(data.snapshot.value, session);
      } else if (data.type === '@xstate.event' && data.event?.type) {
        handlers.onEvent(data.event.type);
      } else if (data.type === '@xstate.snapshot' && data.snapshot) {
        handlers.onSnapshot(data.snapshot.value, session);
      } else if (data.type === '@ceasefire.diagram') {
        if (data.layout) handlers.onDiagram(session, { layout: data.layout, partial: data.partial === true });
        else handlers.onDiagram(session, { error: data.error ?? 'cannot draw this machine' });
      }
    };
  };
  open();
}
