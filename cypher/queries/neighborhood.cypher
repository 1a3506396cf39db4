// The neighborhood view: everything within {{depth}} hops of a focus, any relationship type, as
// distinct nodes (pruning expand), optionally only of some labels. The view holds the focus and
// up to $limit - 1 more; the walk stops at $limit, so the header says whether it was cut.
MATCH (focus:Entity {id: $id})
CALL (focus) {
  MATCH (focus)-[*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE n <> focus AND n:Entity AND (size($labels) = 0 OR any(label IN labels(n) WHERE label IN $labels))
  WITH n LIMIT $limit
  RETURN collect(n) AS reached
}
WITH [[focus, 'FOCUS']] + [n IN reached[..$limit - 1] | [n, null]] AS core, size(reached) >= $limit AS header
{{> view-elements}}
