// Who is upstream and downstream of a focus, up to {{depth}} hops, as distinct ids (not paths),
// so Neo4j plans the pruning variable-length expand: DISTINCT must come straight after the
// expand, with every filter after it, or the planner enumerates paths. Companies follow
// SUPPLIES, segments FEEDS; a chain is its segments. $upLimit / $downLimit of 0 skip a side; each side stops at its limit
// (the caller asks one more than it shows, to know when it truncated). Region and cluster
// filters keep companies located in the region's subtree or member of the cluster; unknown
// filter ids are reported so the API can say so.
MATCH (focus:Entity {id: $id})
OPTIONAL MATCH (filterRegion:Region {id: $regionId})
OPTIONAL MATCH (filterCluster:Cluster {id: $clusterId})
CALL (focus) {
  MATCH (focus:Company)<-[:SUPPLIES*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..6]->(:Region {id: $regionId}) })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Cluster {id: $clusterId}) })
  WITH n LIMIT $upLimit
  RETURN collect(n.id) AS upCompanies
}
CALL (focus) {
  MATCH (focus:Company)-[:SUPPLIES*1..{{depth}}]->(n)
  WITH DISTINCT n
  WHERE n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..6]->(:Region {id: $regionId}) })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Cluster {id: $clusterId}) })
  WITH n LIMIT $downLimit
  RETURN collect(n.id) AS downCompanies
}
CALL (focus) {
  MATCH (focus:Segment)<-[:FEEDS*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE n <> focus
  WITH n LIMIT $upLimit
  RETURN collect(n.id) AS upSegments
}
CALL (focus) {
  MATCH (focus:Segment)-[:FEEDS*1..{{depth}}]->(n)
  WITH DISTINCT n
  WHERE n <> focus
  WITH n LIMIT $downLimit
  RETURN collect(n.id) AS downSegments
}
CALL (focus) {
  MATCH (focus:Chain)<-[:PART_OF]-(n:Segment)
  WITH DISTINCT n LIMIT $upLimit + $downLimit
  RETURN collect(n.id) AS chainSegments
}
RETURN [label IN labels(focus) WHERE label <> 'Entity'][0] AS focusLabel,
       upCompanies + upSegments AS up,
       downCompanies + downSegments AS down,
       chainSegments,
       $regionId IS NULL OR filterRegion IS NOT NULL AS regionKnown,
       $clusterId IS NULL OR filterCluster IS NOT NULL AS clusterKnown
