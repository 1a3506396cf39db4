// The end of every statement that answers with a GraphView (included by name, see cypher-files.ts):
// the view's nodes, with what the web app draws (region, clusters, degree), and every
// relationship among them, read in the same statement that picked the nodes: handing 500 ids to
// a second statement to look up again took as long again as the whole rest.
// It starts from `core`, a list of [node, side] (side FOCUS, UPSTREAM, DOWNSTREAM or null), and
// `header`, a value of the statement's own returned with the first row only. Nodes of
// $contextLabels attached to the core are added (at most $contextLimit) as CONTEXT, so a chain
// view can show segments, technologies or labs beside companies.
// One row per node, a list rather than a map, carrying its outgoing relationships to other
// members: the JavaScript driver decodes lists several times faster than maps, and a few
// hundred small records faster than one huge one (a 500-node view: 70 ms as maps in one
// record, 20 ms like this). api/src/graphql/graph-elements.ts reads the rows. $provenance
// adds each relationship's source, confidence and asOf; $details the nodes' other properties.
WITH header, core, [entry IN core | entry[0]] AS coreNodes
CALL (coreNodes) {
  // Without context labels nothing is expanded: around hubs that would walk every relationship.
  UNWIND CASE WHEN size($contextLabels) = 0 THEN [] ELSE coreNodes END AS n
  MATCH (n)--(m:Entity)
  WHERE any(label IN labels(m) WHERE label IN $contextLabels) AND NOT m IN coreNodes
  WITH DISTINCT m LIMIT $contextLimit
  RETURN collect([m, 'CONTEXT']) AS context
}
WITH header, core + context AS entries
WITH header, entries, [entry IN entries | entry[0]] AS members
UNWIND range(0, size(entries) - 1) AS i
WITH CASE i WHEN 0 THEN header END AS header, entries[i][0] AS n, entries[i][1] AS side, members
// One walk over each node's outgoing relationships gives its region, its clusters and the edges
// among the members: a walk per type would read the same relationships again each time.
WITH header, n, side, members, [(n)-[r]->(b) | [r, b]] AS outgoing
WITH header, n, side, members, outgoing, head([x IN outgoing WHERE type(x[0]) = 'LOCATED_IN' | x[1]]) AS region
RETURN header,
       [n.id, side, [l IN labels(n) WHERE l <> 'Entity'][0], n.name, region.id, COUNT { (n)--() },
        // Membership by node identity (Neo4j hashes a list it checks repeatedly): no property
        // read for the relationships that leave the view. Provenance only when asked for.
        [x IN outgoing WHERE x[1] IN members |
          CASE WHEN $provenance THEN [x[1].id, type(x[0]), x[0].product, x[0].source, x[0].confidence, x[0].asOf]
               ELSE [x[1].id, type(x[0]), x[0].product] END],
        // The rest of what the web app draws, only when the query selects any of it: for a
        // 500-node view a fifth of the statement's time and of the bytes it sends.
        CASE WHEN $details THEN [n.nameZh, n.stage, n.employees, n.tier, n.trl, region.name,
                                 [x IN outgoing WHERE type(x[0]) = 'MEMBER_OF' | x[1].id], region.nameZh] END] AS node
