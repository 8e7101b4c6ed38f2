import type { Model } from '../engine/model.js';
import { ceasefire2025 } from './ceasefire-2025/index.js';

export { ceasefire2025 } from './ceasefire-2025/index.js';

/** The models shipped with Ceasefire Lab, by id, in the order `ceasefire models` lists them. */
export const MODELS: ReadonlyMap<string, Model> = new Map<string, Model>([[ceasefire2025.id, ceasefire2025]]);

/** The shipped model with this id, or undefined. */
export function shippedModel(id: string): Model | undefined {
  return MODELS.get(id);
}
