/** An inspection event as `@statelyai/inspect` sends it (the fields the viewer reads). */
interface InspectionMessage {
  type: string;
  sessionId?: string;
  name?: string;
  definition?: string;
  event?: { type?: string };
  snapshot?: { value?: unknown };
}

/** What the live panel reports to the page. */
export interface LiveHandlers {
  onActor(name: string, sessionId: string): void;
  onEvent(type: string): void;
  onSnapshot(value: unknown, machineId: string | null): void;
  onStatus(text: string): void;
}

/**
 * Connect to the viewer server's inspection relay (the same WebSocket
 * protocol as the Stately inspector) and report actors, events and snapshots.
 */
export function connectLive(url: string, handlers: LiveHandlers): void {
  const machines = new Map<string, string>();
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
        let id: string | null = null;
        try {
          id = data.definition ? ((JSON.parse(data.definition) as { id?: string }).id ?? null) : null;
        } catch {
          id = null;
        }
        machines.set(session, id ?? data.name ?? session);
        handlers.onActor(id ?? data.name ?? session, session);
        if (data.snapshot?.value !== undefined) handlers.onSnapshot(data.snapshot.value, id);
      } else if (data.type === '@xstate.event' && data.event?.type) {
        handlers.onEvent(data.event.type);
      } else if (data.type === '@xstate.snapshot' && data.snapshot) {
        handlers.onSnapshot(data.snapshot.value, machines.get(session) ?? null);
      }
    };
  };
  open();
}
