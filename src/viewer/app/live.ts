import type { DiagramLayout } from '../view-data.js';

/** An inspection event as `@statelyai/inspect` sends it (the fields the viewer reads), or a chart the viewer server laid out. */
interface InspectionMessage {
  type: string;
  sessionId?: string;
  parentId?: string;
  sourceId?: string;
  name?: string;
  definition?: string;
  createdAt?: string;
  event?: { type?: unknown };
  snapshot?: { value?: unknown; status?: unknown };
  layout?: DiagramLayout;
  partial?: boolean;
  error?: string;
}

/** A new inspected actor. */
export interface LiveActorInfo {
  readonly session: string;
  /** The actor that started it (an invoking or spawning machine); null for a root actor. */
  readonly parent: string | null;
  /** The machine's id from its definition, when it has one. */
  readonly machine: string | null;
  /** The actor's own name (its id, or the machine's id for a root actor). */
  readonly name: string;
  /** When it started, in milliseconds since the epoch. */
  readonly at: number;
  /** Its state when the inspector sent it, if it is a machine. */
  readonly value: unknown;
}

/** An event sent to an actor. */
export interface LiveEventInfo {
  /** The actor it was sent to. */
  readonly session: string;
  /** The actor that sent it; null when it came from outside. */
  readonly source: string | null;
  readonly event: { readonly type: string } & Record<string, unknown>;
  readonly at: number;
}

/** An actor's state after an event. */
export interface LiveSnapshotInfo {
  readonly session: string;
  /** The type of the event that led to it. */
  readonly eventType: string;
  readonly value: unknown;
  readonly status: string | null;
  readonly at: number;
}

/** What the live panel reports to the page. */
export interface LiveHandlers {
  onActor(actor: LiveActorInfo): void;
  onEvent(event: LiveEventInfo): void;
  onSnapshot(snapshot: LiveSnapshotInfo): void;
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

/** The inspector's `createdAt` (milliseconds as text), or now when it is missing or not a number. */
function timeOf(createdAt: string | undefined): number {
  const at = Number(createdAt);
  return createdAt && Number.isFinite(at) ? at : Date.now();
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
      if (!data || typeof data !== 'object') return;
      const session = typeof data.sessionId === 'string' ? data.sessionId : '';
      const at = timeOf(data.createdAt);
      if (data.type === '@xstate.actor') {
        const machine = machineId(data.definition);
        const parent = typeof data.parentId === 'string' ? data.parentId : null;
        const name = (parent ? data.name : machine) ?? data.name ?? machine ?? session;
        handlers.onActor({ session, parent, machine, name: String(name), at, value: data.snapshot?.value });
      } else if (data.type === '@xstate.event' && data.event && typeof data.event.type === 'string') {
        const event = data.event as LiveEventInfo['event'];
        handlers.onEvent({ session, source: typeof data.sourceId === 'string' ? data.sourceId : null, event, at });
      } else if (data.type === '@xstate.snapshot' && data.snapshot) {
        const eventType = typeof data.event?.type === 'string' ? data.event.type : '';
        const status = typeof data.snapshot.status === 'string' ? data.snapshot.status : null;
        handlers.onSnapshot({ session, eventType, value: data.snapshot.value, status, at });
      } else if (data.type === '@ceasefire.diagram') {
        if (data.layout) handlers.onDiagram(session, { layout: data.layout, partial: data.partial === true });
        else handlers.onDiagram(session, { error: data.error ?? 'cannot draw this machine' });
      }
    };
  };
  open();
}
