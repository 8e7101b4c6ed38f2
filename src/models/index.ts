import type { Model } from '../engine/model.js';
import { ceasefire2025 } from './ceasefire-2025/index.js';
import { twoPartyTruce } from './two-party-truce/index.js';

export { ceasefire2025 } from './ceasefire-2025/index.js';
export { twoPartyTruce } from './two-party-truce/index.js';

/** The models shipped with Ceasefire Lab, by id, in the order `ceasefire models` lists them. */
export const MODELS: ReadonlyMap<string, Model> = new Map<string, Model>([
  [ceasefire2025.id, ceasefire2025],
  [twoPartyTruce.id, twoPartyTruce],
]);

/** The shipped model with this id, or undefined. */
export function shippedModel(id: string): Model | undefined {
  return MODELS.get(id);
}
