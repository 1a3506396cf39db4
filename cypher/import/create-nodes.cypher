// Create one batch of nodes of one label ({{label}}) that validation found absent from the
// database: no lookup, just CREATE (the fast path of a first load; the uniqueness constraints
// still guard the ids should another writer have created one meanwhile). Element ids come back
// so relationships between new nodes can find them without the id index.
UNWIND $rows AS row
CREATE (n:Entity:{{label}})
SET n = row.props, n.id = row.id, n.updatedAt = $now
RETURN count(n) AS created, 0 AS updated, 0 AS unchanged, collect([row.id, elementId(n)]) AS createdIds
