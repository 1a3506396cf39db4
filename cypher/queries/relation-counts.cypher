// How many relationships each of several nodes has, by type, direction and label of the far end
// (one query per GraphQL level): the counts beside relations, which lists at most $perNode.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS label, count(*) AS count
  ORDER BY type, direction, label
  RETURN collect({type: type, direction: direction, label: label, count: count}) AS counts
}
RETURN id, counts
