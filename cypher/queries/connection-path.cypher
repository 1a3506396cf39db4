// The shortest paths (at most three) of at most {{maxHops}} hops between two entities: first
// over {{businessTypes}} (relations between people and organisations), then, when those give
// fewer than three, over every type ({{anyTypes}}). Types are rendered into the pattern, not
// filtered by a predicate, so allShortestPaths runs Neo4j's bidirectional breadth-first search
// and stops at the first length that joins the ends. (SHORTEST 3 looked for the three shortest
// of any length, which around hubs walked millions of paths: p95 1.2 s at 100k companies.)
// Says whether each end exists, so the API can tell "no such id" from "no path".
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[:{{businessTypes}}*1..{{maxHops}}]-(b))
  WITH p LIMIT 3
  RETURN collect(p) AS business
}
CALL (a, b, business) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND size(business) < 3
  MATCH p = allShortestPaths((a)-[:{{anyTypes}}*1..{{maxHops}}]-(b))
  WITH p LIMIT 3
  RETURN collect(p) AS other
}
RETURN a IS NOT NULL AS fromKnown, b IS NOT NULL AS toKnown,
       [p IN business + other | {
         nodeIds: [n IN nodes(p) | n.id],
         edges: [rel IN relationships(p) | { source: startNode(rel).id, target: endNode(rel).id, type: type(rel), props: properties(rel) }]
       }] AS paths
