// The kind label of each id that already exists, and for a region the regions it is within
// (validation refuses a WITHIN that would put a region within itself).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label,
       CASE WHEN n:Region THEN [(n)-[:WITHIN*1..8]->(up:Region) | up.id] END AS regionsAbove
