// The relationships of several nodes at once (one query per GraphQL level, never one per node),
// capped at $perNode per node and returned ordered by type and name. Past the cap each group (a
// type, a direction and a kind of far end) gets its share in turn, the first by name of each: a
// hub's 1,800 SUPPLIES ordered first left no room for its technologies or its people.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (size($types) = 0 OR type(r) IN $types)
    AND ($direction IS NULL OR ($direction = 'OUT') = (startNode(r) = n))
  WITH n, r, m, [l IN labels(m) WHERE l <> 'Entity'][0] AS label ORDER BY m.name
  WITH n, type(r) AS type, startNode(r) = n AS out, label, collect({r: r, m: m, label: label})[..$perNode] AS firsts
  UNWIND range(0, size(firsts) - 1) AS rank
  WITH n, rank, type, out, label, firsts[rank] AS x ORDER BY rank, type, out, label LIMIT $perNode
  WITH n, x.r AS r, x.m AS m, x.label AS label ORDER BY type(r), m.name
  RETURN collect({
    type: type(r),
    direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END,
    props: properties(r),
    node: { id: m.id, label: label, props: properties(m), degree: COUNT { (m)--() } }
  }) AS relations
}
RETURN id, relations
