// Upsert one batch of nodes of one label ({{label}}) by id. A row whose properties equal the stored ones
// is left alone (updatedAt included), so re-importing the same file changes nothing.
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old,
     old IS NOT NULL
       AND all(k IN keys(row.props) WHERE old[k] = row.props[k])
       AND all(k IN keys(old) WHERE k IN ['id', 'updatedAt'] OR k IN keys(row.props)) AS unchanged
CALL (row, old, unchanged) {
  WITH row WHERE NOT unchanged
  MERGE (n:Entity {id: row.id})
  SET n = row.props, n.id = row.id, n.updatedAt = $now
  SET n:{{label}}
}
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN old IS NOT NULL AND NOT unchanged THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN unchanged THEN 1 ELSE 0 END) AS unchanged,
       collect(CASE WHEN old IS NULL THEN row.id END) AS createdIds
