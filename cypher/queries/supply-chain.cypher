// Who is upstream and downstream of a focus, up to {{depth}} hops, as distinct ids (not paths),
// so Neo4j plans the pruning variable-length expand: DISTINCT must come straight after the
// expand, with every filter after it, or the planner enumerates paths. Companies follow
// SUPPLIES, segments FEEDS; a chain is its segments. Each side stops after $countCap nodes
// (0 skips the side) and returns the ids of the first $shownLimit (only theirs are read) with
// how many it reached, so the view and its total come from one walk that never covers more
// than $countCap nodes a side.
// Region and cluster filters keep companies located in the region's subtree or member of the
// cluster; unknown filter ids are reported so the API can say so.
MATCH (focus:Entity {id: $id})
OPTIONAL MATCH (filterRegion:Region {id: $regionId})
OPTIONAL MATCH (filterCluster:Cluster {id: $clusterId})
WITH focus, filterRegion, filterCluster,
     [(r:Region)-[:WITHIN*0..6]->(filterRegion) | r] AS filterArea
CALL (focus, filterArea, filterCluster) {
  MATCH (focus:Company)<-[:SUPPLIES*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(r) WHERE r IN filterArea })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(filterCluster) })
  WITH n LIMIT $upCap
  RETURN [x IN collect(n)[..$shownLimit] | x.id] AS upCompanies, count(n) AS upCompaniesReached
}
CALL (focus, filterArea, filterCluster) {
  MATCH (focus:Company)-[:SUPPLIES*1..{{depth}}]->(n)
  WITH DISTINCT n
  WHERE n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(r) WHERE r IN filterArea })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(filterCluster) })
  WITH n LIMIT $downCap
  RETURN [x IN collect(n)[..$shownLimit] | x.id] AS downCompanies, count(n) AS downCompaniesReached
}
CALL (focus) {
  MATCH (focus:Segment)<-[:FEEDS*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE n <> focus
  WITH n LIMIT $upCap
  RETURN [x IN collect(n)[..$shownLimit] | x.id] AS upSegments, count(n) AS upSegmentsReached
}
CALL (focus) {
  MATCH (focus:Segment)-[:FEEDS*1..{{depth}}]->(n)
  WITH DISTINCT n
  WHERE n <> focus
  WITH n LIMIT $downCap
  RETURN [x IN collect(n)[..$shownLimit] | x.id] AS downSegments, count(n) AS downSegmentsReached
}
CALL (focus) {
  MATCH (focus:Chain)<-[:PART_OF]-(n:Segment)
  WITH DISTINCT n LIMIT $upCap + $downCap
  RETURN collect(n.id) AS chainSegments
}
RETURN [label IN labels(focus) WHERE label <> 'Entity'][0] AS focusLabel,
       upCompanies + upSegments AS up,
       downCompanies + downSegments AS down,
       upCompaniesReached + upSegmentsReached AS upReached,
       downCompaniesReached + downSegmentsReached AS downReached,
       chainSegments,
       $regionId IS NULL OR filterRegion IS NOT NULL AS regionKnown,
       $clusterId IS NULL OR filterCluster IS NOT NULL AS clusterKnown
