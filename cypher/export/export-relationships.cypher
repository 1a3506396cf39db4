// Relationships of one type, in (from, to) order, optionally only those with both ends in $ids.
MATCH (a:Entity)-[r:$($type)]->(b:Entity)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
RETURN a.id AS from, b.id AS to, properties(r) AS props
ORDER BY from, to
