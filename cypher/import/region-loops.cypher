// The regions among $ids that now lie within themselves. Run after a WITHIN write in its own
// transaction, holding the GraphMeta lock: validation read the hierarchy before the write, so two
// changes at once could each close half of a loop that neither saw.
UNWIND $ids AS id
MATCH (r:Entity:Region {id: id})
WHERE EXISTS { (r)-[:WITHIN*1..]->(r) }
RETURN collect(r.id) AS looped
