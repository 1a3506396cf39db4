// The shapes of the API answers the web app reads, mirroring api/src/graphql/schema.graphql.
// tests/browser/graphql-documents.test.ts validates every document in queries.ts against that
// schema, so a renamed or removed field fails the tests rather than the browser.

export const ENTITY_KINDS = [
  'COMPANY', 'LAB', 'TALENT', 'TECHNOLOGY', 'CHAIN', 'SEGMENT', 'CLUSTER', 'REGION', 'POLICY', 'INCUBATOR',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type Direction = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';
export type Side = 'FOCUS' | 'UPSTREAM' | 'DOWNSTREAM' | 'CONTEXT';

export interface Provenance {
  source: string | null;
  confidence: number | null;
  asOf: string | null;
}

export interface GraphNode {
  id: string;
  kind: EntityKind;
  label: string;
  labelZh: string | null;
  side: Side;
  distance: number | null;
  degree: number;
  stage: string | null;
  employees: number | null;
  tier: string | null;
  trl: number | null;
  regionId: string | null;
  regionName: string | null;
  clusterIds: string[];
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  product: string | null;
  provenance: Provenance;
}

export interface GraphView {
  focusId: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  totalNodes: number;
}

export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
  nameZh: string | null;
}

export interface Relation {
  type: string;
  direction: 'IN' | 'OUT';
  product: string | null;
  share: number | null;
  since: number | null;
  role: string | null;
  transferKind: string | null;
  year: number | null;
  provenance: Provenance;
  node: EntitySummary;
}

/** An entity with every typed field the details panel shows (absent ones are undefined). */
export interface EntityDetails extends EntitySummary {
  aliases: string[];
  description: string | null;
  source: string | null;
  updatedAt: string | null;
  degree: number;
  stage?: string | null;
  founded?: number | null;
  employees?: number | null;
  listed?: boolean | null;
  labKind?: string | null;
  parent?: string | null;
  title?: string | null;
  field?: string | null;
  returnee?: boolean | null;
  trl?: number | null;
  tier?: string | null;
  level?: string | null;
  issuer?: string | null;
  funding?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
  model?: string | null;
  relations: Relation[];
}

/** A region or cluster as the filter menus list it. */
export interface PlaceSummary extends EntitySummary {
  level?: string | null;
  relations: { node: EntitySummary & { level?: string | null } }[];
}
