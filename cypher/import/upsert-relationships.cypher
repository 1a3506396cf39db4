// Upsert one batch of relationships of one type ({{type}}), keyed by (from, type, to); ends were checked
// by the importer. Equal properties leave the relationship untouched.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:{{type}}]->(b)
WITH row, a, b, old,
     old IS NOT NULL
       AND all(k IN keys(row.props) WHERE old[k] = row.props[k])
       AND all(k IN keys(old) WHERE k IN keys(row.props)) AS unchanged
CALL (row, a, b, unchanged) {
  WITH row, a, b WHERE NOT unchanged
  MERGE (a)-[r:{{type}}]->(b)
  SET r = row.props
}
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN old IS NOT NULL AND NOT unchanged THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN unchanged THEN 1 ELSE 0 END) AS unchanged
