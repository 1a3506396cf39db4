// Scores adopter candidates from the evidence of cypher/queries/industrial-adopters.cypher.
// The weights are documented in the README ("How industrial adopters are ranked").
import type { EvidenceEdge } from './evidence-view.ts';
import { countIn, nameIn, type Language, type Named } from './reason-language.ts';

export const ADOPTER_WEIGHTS = { directNeed: 0.4, segmentFit: 0.25, supplyLink: 0.15, readinessFit: 0.2 } as const;

export interface AdopterEvidence {
  company: { id: string; name: string; nameZh?: string | null; stage?: string | null; employees?: number | null };
  regionName: string | null;
  /** Ids only: the reasons name them through adopterReasons' `names`. */
  evidence: { techId: string; trl: number | null; how: 'USES' | 'NEEDS' | 'OPERATES_IN' | 'BUYS_FROM_USER'; viaId: string | null }[];
  transfers: { kind: string | null; year: number | null }[];
  labId: string;
}

/**
 * How well a company's size suits a technology's readiness: early technology (TRL 1–4) needs a
 * large firm with R&D to carry it; mature technology (TRL 7–9) suits any operator.
 */
export function readinessFit(trl: number | null, stage: string | null | undefined, employees: number | null | undefined): number {
  const large = stage === 'enterprise' || (employees ?? 0) >= 1000;
  const mid = stage === 'scaleup';
  if (trl === null || trl >= 7) return 1;
  if (trl >= 5) return large ? 1 : mid ? 0.8 : 0.5;
  return large ? 1 : mid ? 0.5 : 0.2;
}

export function scoreAdopter(a: AdopterEvidence) {
  const has = (how: string) => a.evidence.filter((e) => e.how === how);
  const direct = Math.max(0, ...has('NEEDS').map(() => 1), ...has('USES').map(() => 0.8));
  const relevant = a.evidence.filter((e) => e.how !== 'BUYS_FROM_USER');
  const parts = {
    directNeed: direct,
    segmentFit: has('OPERATES_IN').length ? 1 : 0,
    supplyLink: has('BUYS_FROM_USER').length ? 1 : 0,
    readinessFit: Math.max(0, ...(relevant.length ? relevant : a.evidence).map((e) => readinessFit(e.trl, a.company.stage, a.company.employees))),
  };
  const score = Object.entries(ADOPTER_WEIGHTS).reduce((sum, [k, w]) => sum + w * parts[k as keyof typeof ADOPTER_WEIGHTS], 0);
  return { company: a.company, score: Math.round(score * 1000) / 1000, parts, pastTransfer: a.transfers.length > 0 };
}

/** What a lab's transfer kinds are called in Chinese (other kinds are shown as the data has them). */
const TRANSFER_KINDS_ZH: Record<string, string> = { license: '技术许可', 'spin-out': '衍生企业', 'joint-development': '联合开发' };

/**
 * Plain sentences a researcher can check, in English or Chinese (see pilotReasons). `names` gives
 * the technologies and companies the evidence names by id.
 */
export function adopterReasons(a: AdopterEvidence, names: (id: string) => Named, language: Language = 'EN'): string[] {
  const zh = language === 'ZH';
  const tech = (e: AdopterEvidence['evidence'][number]) => nameIn(language, names(e.techId));
  const via = (e: AdopterEvidence['evidence'][number]) => nameIn(language, names(e.viaId ?? ''));
  const reasons: string[] = [];
  const seen = new Set<string>();
  const once = (text: string) => {
    if (!seen.has(text)) reasons.push(text);
    seen.add(text);
  };
  for (const e of a.evidence.filter((x) => x.how === 'NEEDS')) {
    once(zh ? `需要该实验室研发的${tech(e)}（TRL ${e.trl ?? '?'}）。` : `Needs ${tech(e)} (TRL ${e.trl ?? '?'}), which the lab develops.`);
  }
  for (const e of a.evidence.filter((x) => x.how === 'USES')) {
    once(zh ? `已在使用该实验室研发的${tech(e)}（TRL ${e.trl ?? '?'}）。` : `Already uses ${tech(e)}, which the lab develops (TRL ${e.trl ?? '?'}).`);
  }
  for (const e of a.evidence.filter((x) => x.how === 'OPERATES_IN')) {
    once(zh ? `从事${via(e)}，${tech(e)}可应用于此。` : `Works in ${via(e)}, where ${tech(e)} applies.`);
  }
  for (const e of a.evidence.filter((x) => x.how === 'BUYS_FROM_USER').slice(0, 2)) {
    once(zh ? `向${via(e)}采购，后者使用${tech(e)}。` : `Buys from ${via(e)}, which uses ${tech(e)}.`);
  }
  const early = a.evidence.filter((e) => e.trl !== null && e.trl <= 4);
  if (early.length && (a.company.stage === 'enterprise' || (a.company.employees ?? 0) >= 1000)) {
    const employees = a.company.employees;
    once(zh
      ? `规模足够${employees != null ? `（员工 ${countIn(employees)} 人）` : ''}，可承接早期技术${tech(early[0]!)}（TRL ${early[0]!.trl}）的熟化。`
      : `Large enough (${employees != null ? countIn(employees) : 'many'} employees) to mature early-stage ${tech(early[0]!)} (TRL ${early[0]!.trl}).`);
  }
  for (const t of a.transfers) {
    once(zh
      ? `该实验室曾向其转移技术（${t.kind ? TRANSFER_KINDS_ZH[t.kind] ?? t.kind : '技术转移'}${t.year ? `，${t.year} 年` : ''}）。`
      : `Past transfer: ${t.kind ?? 'transfer'} from this lab${t.year ? ` in ${t.year}` : ''}.`);
  }
  return reasons;
}

export function adopterPathEdges(a: AdopterEvidence): EvidenceEdge[] {
  const c = a.company.id;
  const edges: EvidenceEdge[] = [];
  for (const e of a.evidence) {
    edges.push({ source: a.labId, target: e.techId, type: 'DEVELOPS' });
    if (e.how === 'USES' || e.how === 'NEEDS') edges.push({ source: c, target: e.techId, type: e.how });
    if (e.how === 'OPERATES_IN' && e.viaId) edges.push({ source: e.techId, target: e.viaId, type: 'APPLIES_TO' }, { source: c, target: e.viaId, type: 'OPERATES_IN' });
    if (e.how === 'BUYS_FROM_USER' && e.viaId) edges.push({ source: e.viaId, target: e.techId, type: 'USES' }, { source: e.viaId, target: c, type: 'SUPPLIES' });
  }
  if (a.transfers.length) edges.push({ source: a.labId, target: c, type: 'TRANSFERRED_TO' });
  return edges;
}
