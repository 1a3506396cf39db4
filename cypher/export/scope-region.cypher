// A region as a self-contained dataset: the region, its sub-regions and ancestors, everything
// located there, and the segments and chains those companies operate in.
MATCH (region:Entity:Region {id: $id})
OPTIONAL MATCH (sub:Region)-[:WITHIN*0..6]->(region)
WITH region, collect(DISTINCT sub) AS subs
OPTIONAL MATCH (region)-[:WITHIN*1..6]->(ancestor:Region)
WITH subs, collect(DISTINCT ancestor) AS ancestors
CALL (subs) {
  UNWIND subs AS r
  OPTIONAL MATCH (r)<-[:LOCATED_IN]-(n)
  RETURN collect(DISTINCT n) AS located
}
CALL (located) {
  UNWIND located AS c
  OPTIONAL MATCH (c:Company)-[:OPERATES_IN]->(s:Segment)-[:PART_OF]->(chain:Chain)
  RETURN collect(DISTINCT s) + collect(DISTINCT chain) AS categories
}
UNWIND subs + ancestors + located + categories AS n
RETURN collect(DISTINCT n.id) AS ids
