/** Where the viewer stands: kept in the URL so a reload or a shared link opens the same place. */
export interface Place {
  scenario: string | null;
  branch: string | null;
  step: number;
  /** Presenter mode, when the place says (a link read from the URL always does). */
  presenter?: boolean;
}

/** Read the place from `#scenario=…&branch=…&step=…` (step counts from 1). */
export function readPlace(hash: string): Place {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const step = Number.parseInt(params.get('step') ?? '1', 10);
  return { scenario: params.get('scenario'), branch: params.get('branch'), step: Number.isFinite(step) && step > 0 ? step : 1, presenter: params.get('presenter') === '1' };
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
