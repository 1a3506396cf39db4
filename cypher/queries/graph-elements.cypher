// The nodes of a GraphView, with what the web app draws (region, clusters, degree), and every
// relationship among them, one row per element. Nodes of $contextLabels attached to those nodes
// are added (at most $contextLimit), so a chain view can show segments, technologies or labs
// beside companies. Each element is a list, not a map, and comes in its own row: the JavaScript
// driver decodes lists several times faster than maps and small records faster than one huge
// one (a 500-node view went from 70 ms to 21 ms). api/src/graphql/graph-elements.ts reads them.
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
WITH core + context AS members, context
CALL (members, context) {
  UNWIND members AS n
  OPTIONAL MATCH (n)-[:LOCATED_IN]->(region:Region)
  WITH n, head(collect(region)) AS region
  RETURN 'node' AS kind,
         [n.id, [l IN labels(n) WHERE l <> 'Entity'][0], n.name, n.nameZh, n.stage, n.employees, n.tier, n.trl,
          region.id, region.name, COLLECT { MATCH (n)-[:MEMBER_OF]->(c:Cluster) RETURN c.id }, COUNT { (n)--() }] AS element
  UNION ALL
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  // Membership by node identity (Neo4j hashes a list it checks repeatedly), with no property
  // read for the thousands of relationships a hub has.
  WHERE b IN members
  RETURN 'edge' AS kind, [a.id, b.id, type(r), r.product, r.source, r.confidence, r.asOf] AS element
}
RETURN kind, element
