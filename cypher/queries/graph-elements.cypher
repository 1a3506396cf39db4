// The nodes of a GraphView, with what the web app draws (region, clusters, degree), and every
// relationship among them. Nodes of $contextLabels attached to those nodes are added (at most
// $contextLimit), so a chain view can show segments, technologies or labs beside companies.
// One row per node, a list rather than a map, carrying its outgoing relationships to other
// members: the JavaScript driver decodes lists several times faster than maps, and a few
// hundred small records faster than one huge one (a 500-node view: 70 ms as maps in one
// record, 20 ms like this). api/src/graphql/graph-elements.ts reads the rows. $provenance
// adds each relationship's source, confidence and asOf.
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
// One walk over each node's outgoing relationships gives its region, its clusters and the edges
// among the members: a walk per type would read the same relationships again each time.
WITH n, members, [(n)-[r]->(b) | [r, b]] AS outgoing
RETURN [n.id, [l IN labels(n) WHERE l <> 'Entity'][0], n.name, n.nameZh, n.stage, n.employees, n.tier, n.trl,
        head([x IN outgoing WHERE type(x[0]) = 'LOCATED_IN' | [x[1].id, x[1].name]]),
        [x IN outgoing WHERE type(x[0]) = 'MEMBER_OF' | x[1].id],
        COUNT { (n)--() },
        // Membership by node identity (Neo4j hashes a list it checks repeatedly): no property
        // read for the relationships that leave the view. Provenance only when asked for.
        [x IN outgoing WHERE x[1] IN members |
          CASE WHEN $provenance THEN [x[1].id, type(x[0]), x[0].product, x[0].source, x[0].confidence, x[0].asOf]
               ELSE [x[1].id, type(x[0]), x[0].product] END]] AS node
