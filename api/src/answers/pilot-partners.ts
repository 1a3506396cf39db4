// Scores pilot-partner candidates from the evidence of cypher/queries/pilot-partners.cypher.
// The weights are documented in the README ("How pilot partners are ranked"); change both together.
// The Cypher ranks candidates with the same terms (so only the best get full evidence): a change
// to scorePilotPartner must be made there too; tests/integration/answers.test.ts checks both agree.
import type { GraphView } from '../graphql/graph-view.ts';
import type { EvidenceEdge } from './evidence-view.ts';
import { countIn, listIn, nameIn, type Language, type Named } from './reason-language.ts';

export const PILOT_WEIGHTS = {
  technologyFit: 0.25,
  chainAdjacency: 0.15,
  proximity: 0.15,
  sharedCluster: 0.1,
  capacity: 0.1,
  ties: 0.15,
  policy: 0.1,
} as const;

type Ref = { id: string } & Named;

export interface PilotEvidence {
  company: { id: string; name: string; nameZh?: string | null; stage?: string | null; employees?: number | null };
  links: { role: 'UPSTREAM' | 'DOWNSTREAM' | 'SAME_SEGMENT'; homeId: string; segmentId: string; segmentName: string; segmentNameZh?: string | null }[];
  region: (Ref & { level?: string | null }) | null;
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
  existingPartner: boolean;
  roles: string[];
  /** What the reasons (pilotReasons) and the paths are written from. */
  evidence: PilotEvidence;
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

export function scorePilotPartner(raw: PilotEvidence): Omit<PilotPartner, 'paths'> {
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
    existingPartner: e.existingPartner,
    roles,
    evidence: e,
  };
}

/**
 * Plain sentences a founder can check, in English or Chinese (names in Chinese where the data has
 * them; products are named as the data gives them). Each sentence is written in both languages
 * side by side, so the two say the same.
 */
export function pilotReasons(e: PilotEvidence, roles: string[], language: Language = 'EN'): string[] {
  const zh = language === 'ZH';
  const name = (node: Named) => nameIn(language, node);
  const list = (items: string[]) => listIn(language, items);
  const reasons: string[] = [];
  const where = e.region ? (zh ? `，位于${name(e.region)}` : ` in ${name(e.region)}`) : '';
  const segments = (role: string) => list([...new Set(e.links.filter((l) => l.role === role).map((l) => name({ name: l.segmentName, nameZh: l.segmentNameZh })))]);
  if (roles.includes('DOWNSTREAM')) {
    const products = list(e.buys.slice(0, 2));
    reasons.push(zh
      ? `处于你的下游（${segments('DOWNSTREAM')}）：${e.buys.length ? `采购${products}` : '潜在客户'}${where}。`
      : `Downstream of you in ${segments('DOWNSTREAM')}: ${e.buys.length ? `buys ${products}` : 'is a potential customer'}${where}.`);
  }
  if (roles.includes('UPSTREAM')) {
    const products = list(e.sells.slice(0, 2));
    reasons.push(zh
      ? `处于你的上游（${segments('UPSTREAM')}）：${e.sells.length ? `供应${products}` : '潜在供应商'}${where}。`
      : `Upstream of you in ${segments('UPSTREAM')}: ${e.sells.length ? `supplies ${products}` : 'is a potential supplier'}${where}.`);
  }
  if (roles.length === 1 && roles[0] === 'SAME_SEGMENT') {
    reasons.push(zh
      ? `与你同在${segments('SAME_SEGMENT')}环节${where}：可共同开发的伙伴。`
      : `Works in your own segment (${segments('SAME_SEGMENT')})${where}: a joint-development partner.`);
  }
  if (e.sharedTechs.length) {
    const techs = list(e.sharedTechs.map(name));
    reasons.push(zh ? `使用或需要你的技术：${techs}。` : `Uses or needs ${techs}, your technolog${e.sharedTechs.length > 1 ? 'ies' : 'y'}.`);
  }
  const near = proximity(e.sharedLevels);
  if (near === 1) reasons.push(zh ? '与你在同一城市。' : 'In your city.');
  else if (near === 0.6) reasons.push(zh ? '与你在同一省份。' : 'In your province.');
  if (e.sharedClusters.length) {
    const cluster = name(e.sharedClusters[0]!);
    reasons.push(zh ? `与你同属一个产业集群：${cluster}。` : `Member of your cluster ${cluster}.`);
  }
  if (e.company.stage === 'enterprise' || (e.company.employees ?? 0) >= 1000) {
    const employees = e.company.employees;
    reasons.push(zh
      ? `规模足以运行中试线${employees != null ? `（员工 ${countIn(employees)} 人）` : ''}。`
      : `Large enough to run a pilot line (${employees != null ? countIn(employees) : 'many'} employees).`);
  }
  for (const i of e.sharedIncubators) reasons.push(zh ? `与你同在一个孵化器：${name(i)}。` : `Shares the incubator ${name(i)} with you.`);
  for (const s of e.formerStaff) {
    reasons.push(zh ? `你团队的${name(s.person)}曾在该公司工作至 ${s.until} 年。` : `${name(s.person)}, on your team, worked there until ${s.until}.`);
  }
  for (const c of e.formerColleagues) {
    reasons.push(zh
      ? `该公司的${name(c.theirs)}与你团队的${name(c.ours)}都曾在${name(c.org)}工作。`
      : `${name(c.theirs)} there and ${name(c.ours)} on your team both worked at ${name(c.org)}.`);
  }
  for (const l of e.sharedLabs) {
    reasons.push(zh
      ? `该公司的${name(l.theirs)}与你团队的${name(l.ours)}都出自${name(l.lab)}。`
      : `${name(l.theirs)} there and ${name(l.ours)} on your team are alumni of ${name(l.lab)}.`);
  }
  for (const p of e.policies) reasons.push(zh ? `${name(p)}资助其所在地区的这一环节。` : `${name(p)} funds its segment in its region.`);
  if (e.existingPartner) reasons.push(zh ? '已与你有业务往来。' : 'Already trades with you.');
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
