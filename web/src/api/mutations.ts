// Every GraphQL document the editing features send (editor role), with a typed function for each,
// and the search the link picker runs (one kind at a time).
import { mutate, gql, upload } from './client.ts';
import type { EntityKind, EntitySummary } from './types.ts';

/** The company fields the details panel edits; null removes a field on update. */
export interface CompanyInput {
  id?: string;
  name?: string | null;
  nameZh?: string | null;
  aliases?: string[] | null;
  description?: string | null;
  stage?: string | null;
  founded?: number | null;
  employees?: number | null;
  listed?: boolean | null;
}

/** Relationship properties the link form sets. */
export interface LinkProperties {
  source?: string;
  product?: string;
  confidence?: number;
  asOf?: string;
}

export interface ImportFileReport {
  file: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportProblem {
  file: string;
  /** CSV line (header = 1) or JSON item; 0 for the whole file. */
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  written: boolean;
  nodes: number;
  relationships: number;
  files: ImportFileReport[];
  /** The first PROBLEMS_LISTED of them; problemCount counts them all. */
  problems: ImportProblem[];
  problemCount: number;
  seconds: number;
}

/** Problems an import's answer lists: a table of more would hold the page (an upload can have ~600,000). */
export const PROBLEMS_LISTED = 1000;

export const CREATE_ENTITY = `mutation CreateEntity($kind: EntityKind!, $input: EntityInput!) {
  createEntity(kind: $kind, input: $input) { id kind name nameZh }
}`;

export const UPDATE_ENTITY = `mutation UpdateEntity($id: ID!, $input: EntityInput!) {
  updateEntity(id: $id, input: $input) { id kind name nameZh }
}`;

export const LINK = `mutation Link($type: String!, $fromId: ID!, $toId: ID!, $properties: RelationInput) {
  link(type: $type, fromId: $fromId, toId: $toId, properties: $properties) { type }
}`;

export const UNLINK = `mutation Unlink($type: String!, $fromId: ID!, $toId: ID!) {
  unlink(type: $type, fromId: $fromId, toId: $toId)
}`;

export const IMPORT_DATASET = `mutation ImportDataset($files: [File!]!, $partial: Boolean, $dryRun: Boolean) {
  importDataset(files: $files, partial: $partial, dryRun: $dryRun) {
    written nodes relationships seconds
    files { file created updated unchanged rejected }
    problems(first: ${PROBLEMS_LISTED}) { file line field message } problemCount
  }
}`;

export const PICK_SEARCH = `query PickSearch($query: String!, $kinds: [EntityKind!], $first: Int) {
  search(query: $query, kinds: $kinds, first: $first) { id kind name nameZh }
}`;

export async function createCompany(input: CompanyInput): Promise<EntitySummary> {
  return (await mutate<{ createEntity: EntitySummary }>(CREATE_ENTITY, { kind: 'COMPANY', input })).createEntity;
}

export async function updateEntity(id: string, input: CompanyInput): Promise<EntitySummary> {
  return (await mutate<{ updateEntity: EntitySummary }>(UPDATE_ENTITY, { id, input })).updateEntity;
}

export async function link(type: string, fromId: string, toId: string, properties: LinkProperties): Promise<void> {
  await mutate(LINK, { type, fromId, toId, properties });
}

export async function unlink(type: string, fromId: string, toId: string): Promise<void> {
  await mutate(UNLINK, { type, fromId, toId });
}

export async function importDataset(files: File[], options: { dryRun: boolean; partial: boolean }): Promise<ImportReport> {
  return (await upload<{ importDataset: ImportReport }>(IMPORT_DATASET, options, 'files', files)).importDataset;
}

export async function pickSearch(query: string, kind: EntityKind, signal?: AbortSignal): Promise<EntitySummary[]> {
  return (await gql<{ search: EntitySummary[] }>(PICK_SEARCH, { query, kinds: [kind], first: 8 }, signal)).search;
}
