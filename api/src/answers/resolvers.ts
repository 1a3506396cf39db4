// pilotPartners, chainGaps and industrialAdopters: one Cypher statement gathers the evidence,
// pure functions score and explain it, and one batched read names the nodes of the paths.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context, EntityRecord } from '../graphql/context.ts';
import { badInput, notFound } from '../graphql/errors.ts';
import { LIMITS, checkId, checkList, checkRange } from '../graphql/limits.ts';
import { chainGapParts } from '../graphql/selection.ts';
import { chainGapSegments } from '../observability/metrics.ts';
import { gapKinds, summarise, type SegmentEvidence } from './chain-gaps.ts';
import { evidenceIds, evidenceView, type EvidenceEdge } from './evidence-view.ts';
import { adopterPathEdges, adopterReasons, scoreAdopter, type AdopterEvidence } from './industrial-adopters.ts';
import { PILOT_WEIGHTS, pilotPathEdges, pilotReasons, scorePilotPartner, type PilotEvidence } from './pilot-partners.ts';
import type { Language } from './reason-language.ts';

/** Candidates gathered per answer before scoring; bounds the work on very large graphs. */
const CANDIDATE_LIMIT = 2_000;
const MAX_RESULTS = 50;
const FILLERS_PER_SEGMENT = 5;
/** chainGaps lists at most this many local companies, labs, policies and technologies a segment (with full counts). */
const SHOWN_PER_SEGMENT = 20;
/** Filler candidates: the largest companies of a segment outside the region. */
const FILLER_POOL = 200;
/** Inbound supplies counted a segment; the outside share is taken over those. */
const INBOUND_CAP = 2_000;
/** chainGaps runs as this many statements side by side, each for a share of the segments. */
const CHAIN_GAP_PARTS = 2;

async function entitiesById(ctx: Context, edges: EvidenceEdge[]): Promise<Map<string, EntityRecord>> {
  const ids = evidenceIds(edges);
  if (!ids.length) return new Map();
  const rows = (await ctx.reader.read('entities-by-id', { ids })) as unknown as EntityRecord[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Company fields come as maps from Cypher; the Company type resolves them like any entity. */
const asCompany = (c: { id: string } & Record<string, unknown>): EntityRecord => ({ id: c.id, label: 'Company', props: c, degree: 0 });

const byScore = <T extends { score: number; company: { id: string } }>(a: T, b: T) => b.score - a.score || a.company.id.localeCompare(b.company.id);

export const answerQueries = {
  async pilotPartners(_: unknown, args: { startupId?: string | null; technologyIds?: string[] | null; regionId?: string | null; first: number }, ctx: Context) {
    const first = checkRange('first', args.first, 1, MAX_RESULTS);
    if (!args.startupId && !args.technologyIds?.length) throw badInput('startupId', 'or technologyIds must be given');
    if (args.startupId) checkId('startupId', args.startupId);
    checkList('technologyIds', args.technologyIds ?? [], LIMITS.ids).forEach((id) => checkId('technologyIds', id));
    if (args.regionId) checkId('regionId', args.regionId);
    const known = await ctx.reader.read('entities-by-id', { ids: [args.startupId, args.regionId, ...(args.technologyIds ?? [])].filter(Boolean) });
    const labelOf = new Map(known.map((r) => [r.id as string, r.label as string]));
    const expect = (argument: string, id: string | null | undefined, label: string) => {
      if (!id) return;
      if (!labelOf.has(id)) throw notFound(argument, id);
      if (labelOf.get(id) !== label) throw badInput(argument, `names a ${labelOf.get(id)}, not a ${label}`);
    };
    expect('startupId', args.startupId, 'Company');
    expect('regionId', args.regionId, 'Region');
    for (const id of args.technologyIds ?? []) expect('technologyIds', id, 'Technology');

    const rows = (await ctx.reader.read('pilot-partners', {
      startupId: args.startupId ?? null, technologyIds: args.technologyIds ?? [], regionId: args.regionId ?? null,
      candidateLimit: CANDIDATE_LIMIT, weights: PILOT_WEIGHTS, first,
    })) as unknown as PilotEvidence[];
    const ranked = rows.map(scorePilotPartner).sort(byScore).slice(0, first);
    const paths = ranked.map((r) => pilotPathEdges(r.evidence));
    const entities = await entitiesById(ctx, paths.flat());
    return ranked.map((r, i) => ({
      company: asCompany(r.company), score: r.score, parts: r.components, roles: r.roles, evidence: r.evidence,
      existingPartner: r.existingPartner, paths: evidenceView(args.startupId ?? r.company.id, paths[i]!, entities),
    }));
  },

  async chainGaps(_: unknown, args: { chainId: string; regionId: string }, ctx: Context, info: GraphQLResolveInfo) {
    checkId('chainId', args.chainId);
    checkId('regionId', args.regionId);
    const ends = await ctx.reader.read('entities-by-id', { ids: [args.chainId, args.regionId] });
    const chain = ends.find((e) => e.id === args.chainId);
    const region = ends.find((e) => e.id === args.regionId);
    if (!chain) throw notFound('chainId', args.chainId);
    if (!region) throw notFound('regionId', args.regionId);
    if (chain.label !== 'Chain') throw badInput('chainId', `names a ${chain.label}, not a Chain`);
    if (region.label !== 'Region') throw badInput('regionId', `names a ${region.label}, not a Region`);
    const params = {
      chainId: args.chainId, regionId: args.regionId, fillers: FILLERS_PER_SEGMENT, shown: SHOWN_PER_SEGMENT, fillerPool: FILLER_POOL, inboundCap: INBOUND_CAP,
      ...chainGapParts(info),
    };
    const parts = await ctx.reader.readSideBySide('chain-gaps', Array.from({ length: CHAIN_GAP_PARTS }, (_, part) => ({ ...params, part, parts: CHAIN_GAP_PARTS })));
    const segmentId = (row: Record<string, unknown>) => (row.segment as { id: string }).id;
    const rows = parts.flat().sort((a, b) => segmentId(a).localeCompare(segmentId(b)));
    const walked = rows.filter((row) => !row.precomputed).length;
    chainGapSegments.inc({ counts: 'kept' }, rows.length - walked);
    chainGapSegments.inc({ counts: 'walked' }, walked);
    if (walked) ctx.gapCounts.request();
    const segments = rows.map((row) => {
      const evidence = row as unknown as SegmentEvidence & Record<string, unknown>;
      const gaps = gapKinds(evidence);
      // Companies and labs come with their region's names as one map (one walk for both languages).
      const place = (x: Record<string, unknown>) => {
        const region = x.region as { name: string | null; nameZh: string | null } | null;
        return { regionName: region?.name ?? null, regionNameZh: region?.nameZh ?? null };
      };
      const company = (c: Record<string, unknown>) => ({ company: asCompany(c as { id: string }), ...place(c), localCustomers: c.localCustomers, localAlumni: c.localAlumni });
      const entity = (label: string) => (x: Record<string, unknown>): EntityRecord => ({ id: x.id as string, label, props: x, degree: 0 });
      return {
        segment: entity('Segment')(row.segment as Record<string, unknown>),
        feeds: row.feeds,
        gap: gaps[0] ?? null,
        gaps,
        localCount: evidence.localCount,
        localCompanies: (row.locals as Record<string, unknown>[]).map(company),
        inboundSupplies: evidence.inbound,
        inboundFromOutside: evidence.inboundFromOutside,
        inboundIsLowerBound: row.inboundIsLowerBound,
        localExperts: evidence.localExperts,
        localAdopters: evidence.localAdopters,
        technologies: row.technologies,
        technologiesZh: row.technologiesZh,
        technologyCount: row.technologyCount,
        labCount: row.labCount,
        policyCount: row.policyCount,
        fillers: (row.fillers as Record<string, unknown>[]).map(company),
        labs: (row.labs as Record<string, unknown>[]).map((l) => ({ ...l, ...place(l), lab: entity('Lab')(l) })),
        policies: (row.policies as Record<string, unknown>[]).map((p) => ({ ...p, policy: entity('Policy')(p) })),
      };
    });
    return { chain, region, segments, ...summarise(segments) };
  },

  async industrialAdopters(_: unknown, args: { labId: string; first: number }, ctx: Context) {
    checkId('labId', args.labId);
    const first = checkRange('first', args.first, 1, MAX_RESULTS);
    const [lab] = await ctx.reader.read('entities-by-id', { ids: [args.labId] });
    if (!lab) throw notFound('labId', args.labId);
    if (lab.label !== 'Lab') throw badInput('labId', `names a ${lab.label}, not a Lab`);
    const rows = (await ctx.reader.read('industrial-adopters', { labId: args.labId, candidateLimit: CANDIDATE_LIMIT })) as unknown as AdopterEvidence[];
    const ranked = rows.map((row) => ({ ...scoreAdopter(row), row })).sort(byScore).slice(0, first);
    const paths = ranked.map((r) => adopterPathEdges(r.row));
    const entities = await entitiesById(ctx, paths.flat());
    return ranked.map((r, i) => ({ ...r, company: asCompany(r.company), paths: evidenceView(args.labId, paths[i]!, entities), entities }));
  },
};

/** Reasons are written when asked for, in the language asked for (English unless told). */
export const answerResolvers = {
  PilotPartner: {
    reasons: (p: { evidence: PilotEvidence; roles: string[] }, args: { language: Language }) => pilotReasons(p.evidence, p.roles, args.language),
  },
  IndustrialAdopter: {
    reasons: (a: { row: AdopterEvidence; entities: Map<string, EntityRecord> }, args: { language: Language }) => adopterReasons(a.row, (id) => {
      const props = a.entities.get(id)?.props ?? {};
      return { name: String(props.name ?? id), nameZh: props.nameZh as string | undefined };
    }, args.language),
  },
};
