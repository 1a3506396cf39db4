// Everything within {{depth}} hops of a focus, any relationship type, as distinct nodes (pruning
// expand), optionally only of some labels; stops at $limit (the caller asks one more than it shows).
MATCH (focus:Entity {id: $id})
CALL (focus) {
  MATCH (focus)-[*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE n <> focus AND n:Entity AND (size($labels) = 0 OR any(label IN labels(n) WHERE label IN $labels))
  WITH n LIMIT $limit
  RETURN collect(n.id) AS ids
}
RETURN ids
