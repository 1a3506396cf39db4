// The nodes of a GraphView, with what the web app draws (region, clusters, degree), and every
// relationship among them. Nodes of $contextLabels attached to those nodes are added (at most
// $contextLimit), so a chain view can show segments, technologies or labs beside companies.
// One row per node, a list rather than a map, carrying its outgoing relationships to other
// members: the JavaScript driver decodes lists several times faster than maps, and a few
// hundred small records faster than one huge one (a 500-node view: 70 ms as maps in one
// record, 20 ms like this). api/src/graphql/graph-elements.ts reads the rows.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS core
CALL (core) {
  // Without context labels nothing is expanded: around hubs that would walk every relationship.
  UNWIND CASE WHEN size($contextLabels) = 0 THEN [] ELSE core END AS n
  MATCH (n)--(m:Entity)
  WHERE any(label IN labels(m) WHERE label IN $contextLabels) AND NOT m IN core
  WITH DISTINCT m LIMIT $contextLimit
  RETURN collect(m) AS context
}
WITH core + context AS members
UNWIND members AS n
RETURN [n.id, [l IN labels(n) WHERE l <> 'Entity'][0], n.name, n.nameZh, n.stage, n.employees, n.tier, n.trl,
        head([(n)-[:LOCATED_IN]->(region:Region) | [region.id, region.name]]),
        COLLECT { MATCH (n)-[:MEMBER_OF]->(c:Cluster) RETURN c.id },
        COUNT { (n)--() },
        // Membership by node identity (Neo4j hashes a list it checks repeatedly): no property
        // read for each of the thousands of relationships a hub has.
        [(n)-[r]->(b) WHERE b IN members | [b.id, type(r), r.product, r.source, r.confidence, r.asOf]]] AS node
