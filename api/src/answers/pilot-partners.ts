// Scores pilot-partner candidates from the evidence of cypher/queries/pilot-partners.cypher.
// The weights are documented in the README ("How pilot partners are ranked"); change both together.
// The Cypher ranks candidates with the same terms (so only the best get full evidence): a change
// to scorePilotPartner must be made there too; tests/integration/answers.test.ts checks both agree.
import type { GraphView } from '../graphql/graph-view.ts';
import type { EvidenceEdge } from './evidence-view.ts';

export const PILOT_WEIGHTS = {
  technologyFit: 0.25,
  chainAdjacency: 0.15,
  proximity: 0.15,
  sharedCluster: 0.1,
  capacity: 0.1,
  ties: 0.15,
  policy: 0.1,
} as const;

type Ref = { id: string; name: string };

export interface PilotEvidence {
  company: { id: string; name: string; nameZh?: string | null; stage?: string | null; employees?: number | null };
  links: { role: 'UPSTREAM' | 'DOWNSTREAM' | 'SAME_SEGMENT'; homeId: string; segmentId: string; segmentName: string }[];
  region: { id: string; name: string; level?: string | null } | null;
  sharedLevels: string[];
  sharedTechs: (Ref & { trl?: number | null })[];
  techCount: number;
  sells: string[];
  buys: string[];
  sharedClusters: Ref[];
  sharedIncubators: Ref[];
  sharedLabs: { lab: Ref; ours: Ref; theirs: Ref }[];
  formerStaff: { person: Ref; until: number }[];
  formerColleagues: { ours: Ref; theirs: Ref; org: Ref }[];
  policies: (Ref & { funding?: number | null })[];
  existingPartner: boolean;
  startup: Ref | null;
}

export interface PilotPartner {
  company: PilotEvidence['company'];
  score: number;
  components: Record<keyof typeof PILOT_WEIGHTS, number>;
  reasons: string[];
  existingPartner: boolean;
  roles: string[];
  paths: GraphView;
}

/** 1 in the same city (or district/zone of it), 0.6 same province, 0.3 same country, 0 abroad. */
export function proximity(sharedLevels: string[]): number {
  if (sharedLevels.some((l) => ['city', 'district', 'zone'].includes(l))) return 1;
  if (sharedLevels.includes('province')) return 0.6;
  if (sharedLevels.includes('country')) return 0.3;
  return 0;
}

/** Able to run a pilot line: enterprises most, startups least. */
export function capacity(stage: string | null | undefined, employees: number | null | undefined): number {
  const byStage = stage === 'enterprise' ? 1 : stage === 'scaleup' ? 0.7 : stage === 'startup' ? 0.3 : 0.5;
  return (employees ?? 0) >= 1000 ? 1 : byStage;
}

const uniqueBy = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((i) => [key(i), i])).values()];

/** Cypher lists one row per path; the same product, policy or lab can come back several times. */
function dedupe(e: PilotEvidence): PilotEvidence {
  return {
    ...e,
    sells: [...new Set(e.sells)],
    buys: [...new Set(e.buys)],
    policies: uniqueBy(e.policies, (p) => p.id),
    sharedLabs: uniqueBy(e.sharedLabs, (l) => `${l.lab.id}|${l.theirs.id}`),
    formerColleagues: uniqueBy(e.formerColleagues, (c) => `${c.theirs.id}|${c.ours.id}`),
  };
}

export function scorePilotPartner(raw: PilotEvidence): Omit<PilotPartner, 'paths'> & { evidence: PilotEvidence } {
  const e = dedupe(raw);
  const roles = [...new Set(e.links.map((l) => l.role))];
  const tieCount = (e.sharedIncubators.length ? 1 : 0) + (e.sharedLabs.length ? 1 : 0) + (e.formerStaff.length || e.formerColleagues.length ? 1 : 0);
  const components = {
    technologyFit: e.techCount ? e.sharedTechs.length / e.techCount : 0,
    chainAdjacency: roles.some((r) => r !== 'SAME_SEGMENT') ? 1 : 0.6,
    proximity: proximity(e.sharedLevels),
    sharedCluster: e.sharedClusters.length ? 1 : 0,
    capacity: capacity(e.company.stage, e.company.employees),
    ties: Math.min(1, tieCount / 2),
    policy: e.policies.length ? 1 : 0,
  };
  const score = Object.entries(PILOT_WEIGHTS).reduce((sum, [k, w]) => sum + w * components[k as keyof typeof PILOT_WEIGHTS], 0);
  return {
    company: e.company,
    score: Math.round(score * 1000) / 1000,
    components,
    reasons: pilotReasons(e, roles),
    existingPartner: e.existingPartner,
    roles,
    evidence: e,
  };
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export function pilotReasons(e: PilotEvidence, roles: string[]): string[] {
  const reasons: string[] = [];
  const where = e.region ? ` in ${e.region.name}` : '';
  const segments = (role: string) => [...new Set(e.links.filter((l) => l.role === role).map((l) => l.segmentName))];
  if (roles.includes('DOWNSTREAM')) {
    const buys = e.buys.length ? `buys ${list(e.buys.slice(0, 2))}` : 'is a potential customer';
    reasons.push(`Downstream of you in ${list(segments('DOWNSTREAM'))}: ${buys}${where}.`);
  }
  if (roles.includes('UPSTREAM')) {
    const sells = e.sells.length ? `supplies ${list(e.sells.slice(0, 2))}` : 'is a potential supplier';
    reasons.push(`Upstream of you in ${list(segments('UPSTREAM'))}: ${sells}${where}.`);
  }
  if (roles.length === 1 && roles[0] === 'SAME_SEGMENT') {
    reasons.push(`Works in your own segment (${list(segments('SAME_SEGMENT'))})${where}: a joint-development partner.`);
  }
  if (e.sharedTechs.length) reasons.push(`Uses or needs ${list(e.sharedTechs.map((t) => t.name))}, your technolog${e.sharedTechs.length > 1 ? 'ies' : 'y'}.`);
  const near = proximity(e.sharedLevels);
  if (near === 1) reasons.push('In your city.');
  else if (near === 0.6) reasons.push('In your province.');
  if (e.sharedClusters.length) reasons.push(`Member of your cluster ${e.sharedClusters[0]!.name}.`);
  if (e.company.stage === 'enterprise' || (e.company.employees ?? 0) >= 1000) {
    reasons.push(`Large enough to run a pilot line (${e.company.employees ?? 'many'} employees).`);
  }
  for (const i of e.sharedIncubators) reasons.push(`Shares the incubator ${i.name} with you.`);
  for (const s of e.formerStaff) reasons.push(`${s.person.name}, on your team, worked there until ${s.until}.`);
  for (const c of e.formerColleagues) reasons.push(`${c.theirs.name} there and ${c.ours.name} on your team both worked at ${c.org.name}.`);
  for (const l of e.sharedLabs) reasons.push(`${l.theirs.name} there and ${l.ours.name} on your team are alumni of ${l.lab.name}.`);
  for (const p of e.policies) reasons.push(`${p.name} funds its segment in its region.`);
  if (e.existingPartner) reasons.push('Already trades with you.');
  return reasons;
}

/** The relationships that justify a candidate, from the startup to it (node ids only). */
export function pilotPathEdges(e: PilotEvidence): EvidenceEdge[] {
  const c = e.company.id;
  const s = e.startup?.id;
  const edges: EvidenceEdge[] = [];
  for (const link of e.links) {
    edges.push({ source: c, target: link.segmentId, type: 'OPERATES_IN' });
    if (link.role === 'UPSTREAM') edges.push({ source: link.segmentId, target: link.homeId, type: 'FEEDS' });
    if (link.role === 'DOWNSTREAM') edges.push({ source: link.homeId, target: link.segmentId, type: 'FEEDS' });
    if (s) edges.push({ source: s, target: link.homeId, type: 'OPERATES_IN' });
  }
  for (const t of e.sharedTechs) {
    edges.push({ source: c, target: t.id, type: 'USES' });
    if (s) edges.push({ source: s, target: t.id, type: 'USES' });
  }
  if (s) {
    for (const i of e.sharedIncubators) edges.push({ source: i.id, target: s, type: 'INCUBATES' }, { source: i.id, target: c, type: 'INCUBATES' });
    for (const f of e.formerStaff) edges.push({ source: f.person.id, target: s, type: 'WORKS_AT' }, { source: f.person.id, target: c, type: 'WORKS_AT' });
    for (const f of e.formerColleagues) {
      edges.push({ source: f.ours.id, target: s, type: 'WORKS_AT' }, { source: f.ours.id, target: f.org.id, type: 'WORKS_AT' });
      edges.push({ source: f.theirs.id, target: f.org.id, type: 'WORKS_AT' }, { source: f.theirs.id, target: c, type: 'WORKS_AT' });
    }
    for (const l of e.sharedLabs) {
      edges.push({ source: l.ours.id, target: s, type: 'WORKS_AT' }, { source: l.ours.id, target: l.lab.id, type: 'ALUMNUS_OF' });
      edges.push({ source: l.theirs.id, target: l.lab.id, type: 'ALUMNUS_OF' }, { source: l.theirs.id, target: c, type: 'WORKS_AT' });
    }
  }
  return edges;
}
