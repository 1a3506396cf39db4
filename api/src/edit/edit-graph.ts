// Editing single entities and relationships. Input goes through the importer's validation (as a
// one-row file) and the same upsert statements; each change and its audit event share one
// transaction, so a change is never half-applied nor unrecorded.
import { randomBytes } from 'node:crypto';
import { Neo4jError, type Driver, type Transaction } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.ts';
import { beginEdit, keepUntouchedGapCounts, type EditedRelationships } from '../db/gap-counts.ts';
import { translateError, writeTransaction } from '../db/neo4j.ts';
import type { Label, RelationshipType } from '../domain.ts';
import { badInput, codedError, notFound } from '../graphql/errors.ts';
import type { Problem } from '../import/problems.ts';
import { lookupInDatabase } from '../import/import-dataset.ts';
import type { InputFile } from '../import/read-files.ts';
import { validate, type ValidDataset } from '../import/validate.ts';
import { RegionLoopError, storable, upsert, upsertGroups } from '../import/write.ts';
import { audit, type AuditEntry } from './audit.ts';

/** GraphQL field names that differ from the stored property (Entity.kind is the GraphQL kind). */
const RENAMED: Record<string, string> = { labKind: 'kind', transferKind: 'kind' };
const renamedBack = (property: string) => Object.entries(RENAMED).find(([, p]) => p === property)?.[0] ?? property;

export class GraphEditor {
  /** @param timeoutMs each transaction's timeout; undefined for none */
  constructor(private readonly driver: Driver, private readonly database: string, private readonly timeoutMs?: number) {}

  async createEntity(label: Label, input: Record<string, unknown>, actor: string): Promise<string> {
    const values = rename(input);
    values.id ??= newId(label, String(values.name ?? ''));
    const id = String(values.id);
    const dataset = await this.check({ kind: 'node', label, values }, 'input');
    // Written with CREATE, so the id's uniqueness constraint is the check: a lookup before the
    // write let two creations of one id both succeed, the second overwriting the first.
    try {
      await this.write(dataset, { actor, action: 'CREATE', entityId: id, details: { label, ...values } }, 'create-nodes');
    } catch (error) {
      if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        throw badInput('input.id', `"${id}" is already taken`);
      }
      throw error;
    }
    return id;
  }

  async updateEntity(id: string, input: Record<string, unknown>, actor: string): Promise<void> {
    // Read, merged and written in one transaction holding the entity's lock: read before it,
    // two simultaneous updates of different fields each wrote the other's field back as it was.
    await this.transaction(async (tx) => {
      const found = (await tx.run(cypher('entity-element-id'), { id })).records[0];
      if (!found) throw notFound('id', id);
      const elementId = found.get('elementId') as string;
      const current = (await tx.run(cypher('lock-entity'), { elementId })).records[0];
      if (!current) throw notFound('id', id);
      if ('id' in input && input.id !== id) throw badInput('input.id', 'cannot change an id; create a new entity instead');
      const { updatedAt: _u, aliasText: _a, ...stored } = current.get('props') as Record<string, unknown>;
      const values: Record<string, unknown> = { ...stored, ...rename(input), id };
      for (const [key, value] of Object.entries(values)) if (value === null) delete values[key];
      const dataset = await this.check({ kind: 'node', label: current.get('label') as Label, values }, 'input');
      const [node] = dataset.nodes;
      await tx.run(cypher('update-entity'), { elementId, id, props: storable(node!.props), now: new Date().toISOString() });
      await audit(tx, { actor, action: 'UPDATE', entityId: id, details: input });
    });
  }

  async deleteEntity(id: string, actor: string): Promise<void> {
    await this.transaction(async (tx) => {
      const row = (await tx.run(cypher('delete-entity'), { id })).records[0];
      if (!row) throw notFound('id', id);
      await audit(tx, { actor, action: 'DELETE', entityId: id, details: { label: row.get('label'), relationships: row.get('relationships') } });
    }, { relationships: [], deletedEntityId: id });
  }

  async link(type: RelationshipType, fromId: string, toId: string, properties: Record<string, unknown>, actor: string): Promise<void> {
    const values = { ...rename(properties), from: fromId, to: toId };
    const dataset = await this.check({ kind: 'relationship', type, values }, 'properties');
    await this.write(dataset, { actor, action: 'LINK', entityId: fromId, details: { type, ...values } }, 'upsert-nodes', { relationships: [{ type, from: fromId, to: toId }] });
  }

  async unlink(type: RelationshipType, fromId: string, toId: string, actor: string): Promise<void> {
    await this.transaction(async (tx) => {
      const removed = (await tx.run(cypher('unlink'), { type, fromId, toId })).records[0]?.get('removed') as number;
      if (!removed) throw codedError('NOT_FOUND', `No ${type} relationship from "${fromId}" to "${toId}"`, { argument: 'toId' });
      await audit(tx, { actor, action: 'UNLINK', entityId: fromId, details: { type, from: fromId, to: toId } });
    }, { relationships: [{ type, from: fromId, to: toId }] });
  }

  /** Validates one row exactly as an import file would be; problems become BAD_USER_INPUT. */
  private async check(
    row: { kind: 'node'; label: Label; values: Record<string, unknown> } | { kind: 'relationship'; type: RelationshipType; values: Record<string, unknown> },
    argument: string,
  ): Promise<ValidDataset> {
    const file = row.kind === 'node' ? row.label : row.type;
    const columns = Object.keys(row.values);
    const input: InputFile = row.kind === 'node'
      ? { file, kind: 'node', label: row.label, columns, rows: [{ line: 1, values: row.values }] }
      : { file, kind: 'relationship', type: row.type, columns, rows: [{ line: 1, values: row.values }] };
    const problems: Problem[] = [];
    const today = new Date().toISOString().slice(0, 10);
    const dataset = await validate([input], () => ({ source: 'api', asOf: today }), async (ids) => lookupInDatabase(this.driver, this.database, await ids(), this.timeoutMs), problems);
    const [problem] = problems;
    if (problem) {
      const field = ['from', 'to'].includes(problem.field) ? `${problem.field}Id` : `${argument}.${renamedBack(problem.field)}`;
      const message = problem.message.startsWith('unknown column') ? `does not apply to a ${file}` : problem.message;
      throw badInput(field, message);
    }
    return dataset;
  }

  /** nodeQuery 'create-nodes' creates the nodes, failing on an id that exists, instead of upserting them. */
  private async write(dataset: ValidDataset, entry: AuditEntry, nodeQuery: 'upsert-nodes' | 'create-nodes' = 'upsert-nodes', change = NO_RELATIONSHIPS): Promise<void> {
    await this.transaction(async (tx) => {
      for (const group of await upsertGroups(dataset, new Date().toISOString())) {
        await upsert(tx, group.query === 'upsert-nodes' ? { ...group, query: nodeQuery } : group);
      }
      await audit(tx, entry);
    }, change);
  }

  /** `change` names the relationships the work adds, alters or removes: the other segments' chainGaps counts stay current. */
  private async transaction(work: (tx: Transaction) => Promise<void>, change: EditedRelationships = NO_RELATIONSHIPS): Promise<void> {
    try {
      // Begun first: that takes the GraphMeta lock before any entity's, the order WITHIN
      // writes take them in too (write.ts), so an edit and a WITHIN write never deadlock.
      await writeTransaction(this.driver, this.database, async (tx) => {
        const begun = await beginEdit(tx, change);
        await work(tx);
        await keepUntouchedGapCounts(tx, begun);
      }, this.timeoutMs);
    } catch (error) {
      if (error instanceof RegionLoopError) throw badInput('toId', error.message);
      throw translateError(error);
    }
  }
}

/** A change of an entity's own properties: no relationship, so no segment's chainGaps counts. */
const NO_RELATIONSHIPS: EditedRelationships = { relationships: [] };

function rename(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [RENAMED[k] ?? k, v]));
}

const PREFIX: Record<Label, string> = {
  Company: 'co', Lab: 'lab', Talent: 'tal', Technology: 'tech', Chain: 'chain', Segment: 'seg',
  Cluster: 'cl', Region: 'reg', Policy: 'pol', Incubator: 'inc',
};

function newId(label: Label, name: string): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return [PREFIX[label], slug, randomBytes(3).toString('hex')].filter(Boolean).join('-');
}
