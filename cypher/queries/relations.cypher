// The relationships of several nodes at once (one query per GraphQL level, never one per node),
// capped at $perNode per node and returned ordered by type and name. Past the cap each group (a
// type, a direction and a kind of far end) gets its share in turn, the first by name of each: a
// hub's thousands of SUPPLIES, ordered first, left no room for its technologies or its people.
// Each group's size comes with them: the relationCounts beside an unfiltered list, without
// walking a hub's relationships a second time.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
// Each group of relations with its size and its first few; one row per node, if empty.
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (size($types) = 0 OR type(r) IN $types)
    AND ($direction IS NULL OR ($direction = 'OUT') = (startNode(r) = n))
  WITH n, type(r) AS type, startNode(r) = n AS out, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, collect(r) AS group
  // The first of each group by name: a top-k per group, cheaper than sorting a hub's every relation.
  CALL (n, group, label) {
    UNWIND group AS r
    WITH r, CASE WHEN startNode(r) = n THEN endNode(r) ELSE startNode(r) END AS m
    WITH r, m ORDER BY m.name LIMIT $perNode
    RETURN collect({r: r, m: m, label: label}) AS firsts
  }
  WITH type, out, label, size(group) AS count, firsts ORDER BY type, out, label
  RETURN collect({type: type, out: out, label: label, count: count, firsts: firsts}) AS groups
}
CALL (n, groups) {
  UNWIND groups AS g
  UNWIND range(0, size(g.firsts) - 1) AS rank
  WITH rank, g.type AS type, g.out AS out, g.firsts[rank] AS x ORDER BY rank, type, out, x.label LIMIT $perNode
  WITH x.r AS r, x.m AS m, x.label AS label ORDER BY type(r), m.name
  RETURN collect({
    type: type(r),
    direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END,
    props: properties(r),
    node: { id: m.id, label: label, props: properties(m), degree: COUNT { (m)--() } }
  }) AS relations
}
RETURN id, relations,
  [g IN groups | {type: g.type, direction: CASE WHEN g.out THEN 'OUT' ELSE 'IN' END, label: g.label, count: g.count}] AS counts
