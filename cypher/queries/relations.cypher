// The relationships of several nodes at once (one query per GraphQL level, never one per node),
// ordered by type and name and capped at $perNode per node.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (size($types) = 0 OR type(r) IN $types)
    AND ($direction IS NULL OR ($direction = 'OUT') = (startNode(r) = n))
  WITH r, m ORDER BY type(r), m.name LIMIT $perNode
  RETURN collect({
    type: type(r),
    direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END,
    props: properties(r),
    node: { id: m.id, label: [l IN labels(m) WHERE l <> 'Entity'][0], props: properties(m), degree: COUNT { (m)--() } }
  }) AS relations
}
RETURN id, relations
