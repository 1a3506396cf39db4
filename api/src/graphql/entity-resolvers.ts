// search, entity and the fields every Entity type shares.
import { isRelationshipType, kindOf, labelOfKind } from '../domain.ts';
import type { Context, EntityRecord, RelationCountRecord, RelationRecord } from './context.ts';
import { badInput, notFound } from './errors.ts';
import { LIMITS, checkId, checkList, checkRange } from './limits.ts';
import { toLuceneQuery } from './search-query.ts';

const typeName = (entity: EntityRecord) => entity.label;

const prop = (name: string) => (entity: EntityRecord) => entity.props[name] ?? null;

const entityFields = {
  kind: (e: EntityRecord) => kindOf(e.label),
  name: (e: EntityRecord) => e.props.name ?? e.id,
  nameZh: prop('nameZh'),
  aliases: (e: EntityRecord) => e.props.aliases ?? [],
  description: prop('description'),
  source: prop('source'),
  updatedAt: (e: EntityRecord) => (e.props.updatedAt ? String(e.props.updatedAt) : null),
  relations: (e: EntityRecord, args: { types?: string[] | null; direction?: string | null; first: number }, ctx: Context) => {
    const first = checkRange('first', args.first, 1, LIMITS.relations);
    const types = checkList('types', args.types ?? [], LIMITS.kinds * 2);
    const unknown = types.find((t) => !isRelationshipType(t));
    if (unknown) throw badInput('types', `has unknown relationship type "${unknown}"`);
    return ctx.relationsLoader(types, args.direction ?? null, first).load(e.id);
  },
  relationCounts: async (e: EntityRecord, _: unknown, ctx: Context) =>
    (await ctx.relationCountsLoader.load(e.id)).map((c: RelationCountRecord) => ({ type: c.type, direction: c.direction, kind: kindOf(c.label), count: c.count })),
};

const typed = (extra: Record<string, unknown> = {}) => ({ ...entityFields, ...extra });

export const entityResolvers = {
  Entity: { __resolveType: typeName },
  Company: typed({ stage: prop('stage'), founded: prop('founded'), employees: prop('employees'), listed: prop('listed') }),
  Lab: typed({ labKind: prop('kind'), parent: prop('parent') }),
  Talent: typed({ title: prop('title'), field: prop('field'), returnee: prop('returnee') }),
  Technology: typed({ trl: prop('trl') }),
  Chain: typed(),
  Segment: typed({ tier: prop('tier') }),
  Cluster: typed(),
  Region: typed({ level: prop('level') }),
  Policy: typed({ issuer: prop('issuer'), funding: prop('funding'), validFrom: prop('validFrom'), validTo: prop('validTo') }),
  Incubator: typed({ model: prop('model') }),
  Relation: {
    provenance: (r: RelationRecord) => ({ source: r.props.source, confidence: r.props.confidence, asOf: r.props.asOf }),
    product: (r: RelationRecord) => r.props.product ?? null,
    share: (r: RelationRecord) => r.props.share ?? null,
    since: (r: RelationRecord) => r.props.since ?? null,
    until: (r: RelationRecord) => r.props.until ?? null,
    role: (r: RelationRecord) => r.props.role ?? null,
    transferKind: (r: RelationRecord) => (r.type === 'TRANSFERRED_TO' ? r.props.kind ?? null : null),
    year: (r: RelationRecord) => r.props.year ?? null,
    trl: (r: RelationRecord) => r.props.trl ?? null,
  },
};

export const entityQueries = {
  async search(_: unknown, args: { query: string; kinds?: string[] | null; first: number }, ctx: Context) {
    const first = checkRange('first', args.first, 1, LIMITS.searchResults);
    if (args.query.length > LIMITS.queryLength) throw badInput('query', `is longer than ${LIMITS.queryLength} characters`);
    const query = toLuceneQuery(args.query);
    if (!query) return [];
    const labels = checkList('kinds', args.kinds ?? [], LIMITS.kinds).map(labelOfKind);
    // With a kinds filter some index hits are dropped after the call, so ask the index for more.
    const limit = labels.length ? first * 5 : first;
    const exact = args.query.trim().toLowerCase();
    return ctx.reader.read('search', { query, labels, limit, first, exact });
  },

  async entity(_: unknown, args: { id: string }, ctx: Context) {
    checkId('id', args.id);
    const [row] = await ctx.reader.read('entities-by-id', { ids: [args.id] });
    if (!row) throw notFound('id', args.id);
    return row;
  },
};
