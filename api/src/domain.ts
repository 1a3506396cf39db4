// The domain model of DESIGN §3 in one place: node labels, relationship types, their endpoints
// and properties. The importer validates against it; the API maps labels to GraphQL kinds with it.
import { z } from 'zod';

// Zod's own words ("Too small: expected number to be >=0", "Invalid option: expected one of
// "a"|"b"") reach import reports and edit forms; these say it as the rest of the messages do.
// Process-wide, and only where a schema gives no message of its own.
z.config({
  customError: (issue) => {
    if (issue.code === 'too_small') return issue.origin === 'string' ? `must be at least ${issue.minimum} characters long` : `must be at least ${issue.minimum}`;
    if (issue.code === 'too_big') return issue.origin === 'string' ? `must be at most ${issue.maximum} characters long` : `must be at most ${issue.maximum}`;
    if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return undefined;
  },
});

export const LABELS = [
  'Company', 'Lab', 'Talent', 'Technology', 'Chain', 'Segment', 'Cluster', 'Region', 'Policy', 'Incubator',
] as const;
export type Label = (typeof LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'SUPPLIES', 'OPERATES_IN', 'FEEDS', 'PART_OF', 'LOCATED_IN', 'WITHIN', 'MEMBER_OF', 'FOCUSES_ON',
  'DEVELOPS', 'USES', 'NEEDS', 'APPLIES_TO', 'TRANSFERRED_TO', 'WORKS_AT', 'EXPERT_IN', 'ALUMNUS_OF',
  'INCUBATES', 'TARGETS', 'ISSUED_BY',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** GraphQL's EntityKind value for a label: Company → COMPANY. */
export function kindOf(label: string): string {
  return label.toUpperCase();
}

/** The label for an EntityKind value: COMPANY → Company. */
export function labelOfKind(kind: string): Label {
  const label = LABELS.find((l) => l.toUpperCase() === kind);
  if (!label) throw new Error(`unknown entity kind ${kind}`);
  return label;
}

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

// Property schemas. Input arrives as text (CSV) or JSON values; these coerce and check both.
// Control characters (but tab and line breaks) are refused: they are never meant in a name, they
// hide in what is shown, and U+001F separates list elements for Neo4j's offline importer.
const noControl = [/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, 'must not hold control characters'] as const;
const text = z.string().trim().min(1).regex(...noControl);
/** A number as text: decimal notation only (coercing would read "0x10" as 16). */
export const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
// Numbers are checked as numbers: validate.ts reads the text of NUMBER_PROPS in DECIMAL as one
// first (a zod preprocess step per value made the 100k graph's validation a fifth slower).
const number = z.number({
  error: (issue) => (issue.code !== 'invalid_type' ? undefined : issue.expected === 'int' ? 'expected a whole number' : 'expected a number in decimal notation'),
});
const year = number.int().min(1800).max(2100);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Whether a YYYY-MM-DD names a real day (counted here: a Date per value was a second of the 100k load). */
function isCalendarDay(v: string): boolean {
  const [year, month, day] = [Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine(isCalendarDay, 'is not a day of the calendar');
let latest = { at: 0, day: '' };
/** Not after tomorrow in UTC (someone's today somewhere), worked out once a minute rather than per value. */
function notFuture(v: string): boolean {
  const now = Date.now();
  if (now - latest.at > 60_000) latest = { at: now, day: new Date(now + 86_400_000).toISOString().slice(0, 10) };
  return v <= latest.day;
}
const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], { error: 'expected true or false' });
// An empty list is no list: "|" or [] leaves the property out.
const list = z.union([
  z.array(text),
  z.string().transform((v) => v.split('|').map((s) => s.trim()).filter(Boolean)),
]).transform((items) => (items.length ? items : undefined));
const trl = number.int().min(1, 'TRL is 1–9').max(9, 'TRL is 1–9');
const share = number.min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

type Shape = Record<string, z.ZodType>;

/** Properties stored as Neo4j integers (JS numbers would be stored as floats). */
export const INTEGER_PROPS = new Set(['founded', 'employees', 'trl', 'since', 'until', 'year']);

/** Properties that hold numbers (their text is read in DECIMAL before the checks). */
export const NUMBER_PROPS = new Set([...INTEGER_PROPS, 'funding', 'confidence', 'share']);

/** Properties every node has; `id` and `name` are required. */
export const COMMON_NODE_PROPS: Shape = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'ids are 1–128 letters, digits, . _ : -'),
  name: text.max(300),
  nameZh: text.max(300).optional(),
  aliases: list.optional(),
  description: z.string().max(5000).regex(...noControl).optional(),
  source: text.max(300).optional(),
};

export const NODE_PROPS: Record<Label, Shape> = {
  Company: {
    stage: z.enum(['startup', 'scaleup', 'enterprise']).optional(),
    founded: year.optional(),
    employees: number.int().min(0).optional(),
    listed: bool.optional(),
  },
  Lab: { kind: z.enum(['university', 'institute', 'corporate']).optional(), parent: text.optional() },
  Talent: { title: text.optional(), field: text.optional(), returnee: bool.optional() },
  Technology: { trl: trl.optional() },
  Chain: {},
  Segment: { tier: z.enum(['upstream', 'midstream', 'downstream']).optional() },
  Cluster: {},
  Region: { level: z.enum(['country', 'province', 'city', 'district', 'zone']).optional() },
  Policy: {
    issuer: text.optional(),
    funding: number.min(0).optional(),
    validFrom: date.optional(),
    validTo: date.optional(),
  },
  Incubator: { model: z.enum(['incubator', 'accelerator', 'investor-incubator']).optional() },
};

/** Fields of one row that must not run backwards: [label or type, the earlier field, the later one]. */
export const ORDERED_FIELDS: readonly (readonly [Label | RelationshipType, string, string])[] = [
  ['Policy', 'validFrom', 'validTo'],
  ['WORKS_AT', 'since', 'until'],
];

/** Provenance every relationship carries (DESIGN §3); defaults come from the file when absent. */
export const PROVENANCE_PROPS: Shape = {
  source: text.max(300).optional(),
  confidence: share.optional(),
  asOf: date.refine(notFuture, 'is in the future; asOf is the day the relationship was last known true').optional(),
};

interface RelationshipSpec {
  from: readonly Label[];
  to: readonly Label[];
  props: Shape;
}

export const RELATIONSHIPS: Record<RelationshipType, RelationshipSpec> = {
  SUPPLIES: { from: ['Company'], to: ['Company'], props: { product: text.max(300), share: share.optional(), since: year.optional() } },
  OPERATES_IN: { from: ['Company'], to: ['Segment'], props: {} },
  FEEDS: { from: ['Segment'], to: ['Segment'], props: {} },
  PART_OF: { from: ['Segment'], to: ['Chain'], props: {} },
  LOCATED_IN: { from: ['Company', 'Lab', 'Incubator', 'Cluster'], to: ['Region'], props: {} },
  WITHIN: { from: ['Region'], to: ['Region'], props: {} },
  MEMBER_OF: { from: ['Company'], to: ['Cluster'], props: {} },
  FOCUSES_ON: { from: ['Cluster'], to: ['Chain'], props: {} },
  DEVELOPS: { from: ['Lab'], to: ['Technology'], props: { trl: trl.optional() } },
  USES: { from: ['Company'], to: ['Technology'], props: {} },
  NEEDS: { from: ['Company'], to: ['Technology'], props: {} },
  APPLIES_TO: { from: ['Technology'], to: ['Segment'], props: {} },
  TRANSFERRED_TO: {
    from: ['Lab'], to: ['Company'],
    props: { kind: z.enum(['license', 'spin-out', 'joint-development']).optional(), year: year.optional() },
  },
  WORKS_AT: { from: ['Talent'], to: ['Company', 'Lab'], props: { role: text.optional(), since: year.optional(), until: year.optional() } },
  EXPERT_IN: { from: ['Talent'], to: ['Technology'], props: {} },
  ALUMNUS_OF: { from: ['Talent'], to: ['Lab'], props: {} },
  INCUBATES: { from: ['Incubator'], to: ['Company'], props: { since: year.optional() } },
  TARGETS: { from: ['Policy'], to: ['Segment', 'Cluster', 'Technology'], props: {} },
  ISSUED_BY: { from: ['Policy'], to: ['Region'], props: {} },
};
