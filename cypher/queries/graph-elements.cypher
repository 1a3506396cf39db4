// The nodes of a GraphView, with what the web app draws (region, clusters, degree), and every
// relationship among them. Nodes of $contextLabels attached to those nodes are added (at most
// $contextLimit), so a chain view can show segments, technologies or labs beside companies.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS core
CALL (core) {
  UNWIND core AS n
  MATCH (n)--(m:Entity)
  WHERE any(label IN labels(m) WHERE label IN $contextLabels) AND NOT m IN core
  WITH DISTINCT m LIMIT $contextLimit
  RETURN collect(m) AS context
}
WITH core + context AS members, context
CALL (members) {
  UNWIND members AS n
  OPTIONAL MATCH (n)-[:LOCATED_IN]->(region:Region)
  WITH n, head(collect(region)) AS region
  RETURN collect({
    id: n.id,
    label: [l IN labels(n) WHERE l <> 'Entity'][0],
    props: properties(n),
    regionId: region.id,
    regionName: region.name,
    clusterIds: COLLECT { MATCH (n)-[:MEMBER_OF]->(c:Cluster) RETURN c.id },
    degree: COUNT { (n)--() }
  }) AS nodes
}
CALL (members, context) {
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  // b.id IN $ids is a hash lookup (a parameter list); b IN members would scan the list for
  // every relationship of every member, which dominates around hubs with thousands of them.
  WHERE b.id IN $ids OR b IN context
  RETURN collect({ id: elementId(r), source: a.id, target: b.id, type: type(r), props: properties(r) }) AS edges
}
RETURN nodes, edges
