// Create one batch of relationships of one type ({{type}}) where an end node was created by
// this same import, so no such relationship can exist yet: no check, just CREATE (the fast
// path of a first load).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
RETURN count(r) AS created, 0 AS updated, 0 AS unchanged
