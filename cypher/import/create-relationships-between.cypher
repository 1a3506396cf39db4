// Create one batch of relationships of one type ({{type}}) between two nodes this same import
// created, found by the element ids their creation returned: a direct record lookup where an
// id is an index seek (the fastest path of a first load). Rows are [from, to, props] lists:
// cheaper to encode and decode than maps, at a million rows.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:{{type}}]->(b)
SET r = row[2]
RETURN count(r) AS created, 0 AS updated, 0 AS unchanged
