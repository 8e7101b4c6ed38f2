/** Where the viewer stands: kept in the URL so a reload or a shared link opens the same place. */
export interface Place {
  scenario: string | null;
  branch: string | null;
  step: number;
  /** The step as the link wrote it, when that is not a whole number from 1 (the place then says step 1). */
  badStep?: string;
  /** Presenter mode, when the place says (a link read from the URL always does). */
  presenter?: boolean;
}

/** Read the place from `#scenario=…&branch=…&step=…` (step counts from 1); an empty scenario or branch means none. */
export function readPlace(hash: string): Place {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const written = params.get('step') ?? '1';
  const step = /^\d+$/.test(written) ? Number.parseInt(written, 10) : 0;
  const place: Place = { scenario: params.get('scenario') || null, branch: params.get('branch') || null, step: step > 0 ? step : 1, presenter: params.get('presenter') === '1' };
  if (step <= 0) place.badStep = written;
  return place;
}

/** The hash for a place. */
export function writePlace(place: Place): string {
  const params = new URLSearchParams();
  if (place.scenario) params.set('scenario', place.scenario);
  if (place.branch) params.set('branch', place.branch);
  params.set('step', String(place.step));
  if (place.presenter) params.set('presenter', '1');
  return `#${params.toString()}`;
}
