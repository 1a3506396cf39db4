// The audit trail: one AuditEvent node per change, written inside the change's own transaction.
import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.ts';

export interface AuditEntry { actor: string; action: string; entityId: string | null; details: Record<string, unknown> }

export async function audit(tx: ManagedTransaction | Transaction, entry: AuditEntry): Promise<void> {
  await tx.run(cypher('record-audit'), {
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    entityId: entry.entityId,
    details: JSON.stringify(entry.details),
  });
}
