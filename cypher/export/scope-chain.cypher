// A chain as a self-contained dataset: its segments, the companies operating in them, the
// technologies applying there and the labs developing them, and the regions (with ancestors)
// where those companies and labs sit.
MATCH (chain:Entity:Chain {id: $id})
OPTIONAL MATCH (chain)<-[:PART_OF]-(segment:Segment)
WITH chain, collect(segment) AS segments
CALL (segments) {
  UNWIND segments AS s
  OPTIONAL MATCH (s)<-[:OPERATES_IN|APPLIES_TO]-(n)
  RETURN collect(DISTINCT n) AS attached
}
CALL (attached) {
  UNWIND attached AS t
  OPTIONAL MATCH (t:Technology)<-[:DEVELOPS]-(lab:Lab)
  RETURN collect(DISTINCT lab) AS labs
}
WITH [chain] + segments + attached + labs AS members
CALL (members) {
  UNWIND members AS m
  OPTIONAL MATCH (m)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..6]->(region:Region)
  RETURN collect(DISTINCT region) AS regions
}
UNWIND members + regions AS n
RETURN collect(DISTINCT n.id) AS ids
