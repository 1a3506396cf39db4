// One audit event, written in the same transaction as the change it records.
CREATE (:AuditEvent { at: $at, actor: $actor, action: $action, entityId: $entityId, details: $details })
