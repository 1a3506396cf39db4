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
  regionNameZh: string | null;
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
  /** The count stopped at its cap: the full answer has at least totalNodes nodes. */
  totalIsLowerBound: boolean;
}

export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
  nameZh: string | null;
}

/** How many relations of one type, direction and far kind an entity has. */
export interface RelationCount { type: string; direction: 'IN' | 'OUT'; kind: EntityKind; count: number }

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
  /** At most ENTITY_DETAILS's first (300), every kind of relation with its share. */
  relations: Relation[];
  relationCounts: RelationCount[];
}

/** A region or cluster as the filter menus list it. */
export interface PlaceSummary extends EntitySummary {
  level?: string | null;
  relations: { node: EntitySummary & { level?: string | null } }[];
}

/** A company as the answers list it. */
export interface AnswerCompany extends EntitySummary {
  stage: string | null;
  employees: number | null;
}

export interface PilotScoreParts {
  technologyFit: number;
  chainAdjacency: number;
  proximity: number;
  sharedCluster: number;
  capacity: number;
  ties: number;
  policy: number;
}

export type PilotRole = 'UPSTREAM' | 'DOWNSTREAM' | 'SAME_SEGMENT';

export interface PilotPartner {
  company: AnswerCompany;
  score: number;
  parts: PilotScoreParts;
  roles: PilotRole[];
  reasons: string[];
  /** The same reasons in Chinese (the query asks for both, so the language toggle needs no request). */
  reasonsZh: string[];
  existingPartner: boolean;
  paths: GraphView;
}

export interface AdopterScoreParts {
  directNeed: number;
  segmentFit: number;
  supplyLink: number;
  readinessFit: number;
}

export interface IndustrialAdopter {
  company: AnswerCompany;
  score: number;
  parts: AdopterScoreParts;
  reasons: string[];
  reasonsZh: string[];
  pastTransfer: boolean;
  paths: GraphView;
}

export const GAP_KINDS = ['MISSING', 'SINGLE_SUPPLIER', 'EXTERNAL_DEPENDENCY', 'TALENT_SHORTAGE'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface GapCompany {
  company: AnswerCompany;
  regionName: string | null;
  regionNameZh: string | null;
  localCustomers: number | null;
  localAlumni: number | null;
}

export interface GapLab {
  lab: EntitySummary;
  regionName: string | null;
  regionNameZh: string | null;
  local: boolean;
  technologies: string[];
  technologiesZh: string[];
  trl: number | null;
}

export interface GapPolicy {
  policy: EntitySummary;
  issuerRegion: string | null;
  issuerRegionZh: string | null;
  appliesHere: boolean;
}

export interface SegmentSummary extends EntitySummary {
  tier: string | null;
}

export interface SegmentGap {
  segment: SegmentSummary;
  feeds: string[];
  gap: GapKind | null;
  gaps: GapKind[];
  /** All local companies of the segment; localCompanies lists the largest 20. */
  localCount: number;
  localCompanies: GapCompany[];
  inboundSupplies: number;
  inboundFromOutside: number;
  /** More inbound supplies than the API counted while walking the graph (2,000, until its kept counts are current again): inboundSupplies is a lower bound, the outside share that of those counted. */
  inboundIsLowerBound: boolean;
  localExperts: number;
  localAdopters: number;
  technologies: string[];
  technologiesZh: string[];
  fillers: GapCompany[];
  technologyCount: number;
  labs: GapLab[];
  labCount: number;
  policies: GapPolicy[];
  policyCount: number;
}

export interface ChainGaps {
  chain: EntitySummary;
  region: EntitySummary;
  coverage: number;
  counts: { kind: GapKind; count: number }[];
  segments: SegmentGap[];
}

/** One region's column of the region-by-segment matrix. */
export interface GapColumn {
  region: EntitySummary;
  coverage: number;
  segments: { segment: { id: string }; gap: GapKind | null; gaps: GapKind[]; localCount: number }[];
}

export interface ConnectionPath {
  nodeIds: string[];
  edges: GraphEdge[];
  length: number;
  business: boolean;
}

export interface ConnectionPaths {
  paths: ConnectionPath[];
  graph: GraphView;
}
