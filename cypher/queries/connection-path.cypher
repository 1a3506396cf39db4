// Up to three shortest paths of at most {{maxHops}} hops. Types are filtered per step (a
// predicate over the whole path would fall back to exhaustive search); $types empty = any type.
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MATCH p = SHORTEST 3 (a)-[r WHERE size($types) = 0 OR type(r) IN $types]-{1,{{maxHops}}}(b)
RETURN [n IN nodes(p) | n.id] AS nodeIds,
       [rel IN relationships(p) | { source: startNode(rel).id, target: endNode(rel).id, type: type(rel), props: properties(rel) }] AS edges
