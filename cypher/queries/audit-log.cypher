// Audit events, newest first, optionally about one entity.
MATCH (e:AuditEvent)
WHERE $entityId IS NULL OR e.entityId = $entityId
RETURN e { .at, .actor, .action, .entityId, .details } AS event
ORDER BY e.at DESC
LIMIT $first
