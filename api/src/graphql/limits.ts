// Caps on every list and depth (DESIGN §4); an argument outside its range is refused by name.
import { badInput } from './errors.ts';

export const LIMITS = {
  supplyChainDepth: 6,
  neighborhoodDepth: 3,
  maxHops: 8,
  graphNodes: 500,
  searchResults: 50,
  relations: 500,
  contextNodes: 200,
  queryLength: 200,
  kinds: 10,
  ids: 50,
} as const;

export function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(argument, `must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function checkId(argument: string, id: string): string {
  if (!id.trim() || id.length > 128) throw badInput(argument, 'must be a non-empty id of at most 128 characters');
  return id;
}

export function checkList<T>(argument: string, items: T[], max: number): T[] {
  if (items.length > max) throw badInput(argument, `may hold at most ${max} items, got ${items.length}`);
  return items;
}
