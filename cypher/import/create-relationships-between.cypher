// Create one batch of relationships of one type ({{type}}) between two nodes this same import
// created, found by the element ids their creation returned: a direct record lookup where an
// id is an index seek (the fastest path of a first load).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
RETURN count(r) AS created, 0 AS updated, 0 AS unchanged
