// The supplyChain view: who is upstream and downstream of a focus, up to {{depth}} hops, as
// distinct nodes (not paths), so Neo4j plans the pruning variable-length expand: DISTINCT must
// come straight after the expand, with every filter after it, or the planner enumerates paths.
// Companies follow SUPPLIES, segments FEEDS; a chain is its segments (shown as upstream). Each
// side stops after $upCap / $downCap nodes (0 skips the side) and keeps the first $shownLimit
// with how many it reached, so the view and its total come from one walk that never covers more
// than the cap a side. The view holds the focus and $room more: a side that needs less than
// half leaves the rest to the other. The header row says what the API checks and reports.
// Region and cluster filters keep companies located in the region's subtree or member of the
// cluster; unknown filter ids are reported so the API can say so.
MATCH (focus:Entity {id: $id})
OPTIONAL MATCH (filterRegion:Entity:Region {id: $regionId})
OPTIONAL MATCH (filterCluster:Entity:Cluster {id: $clusterId})
WITH focus, filterRegion, filterCluster,
     [(r:Region)-[:WITHIN*0..6]->(filterRegion) | r] AS filterArea
CALL (focus, filterArea, filterCluster) {
  MATCH (focus:Company)<-[:SUPPLIES*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(r) WHERE r IN filterArea })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(filterCluster) })
  WITH n LIMIT $upCap
  RETURN collect(n)[..$shownLimit] AS upCompanies, count(n) AS upCompaniesReached
}
CALL (focus, filterArea, filterCluster) {
  MATCH (focus:Company)-[:SUPPLIES*1..{{depth}}]->(n)
  WITH DISTINCT n
  WHERE n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(r) WHERE r IN filterArea })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(filterCluster) })
  WITH n LIMIT $downCap
  RETURN collect(n)[..$shownLimit] AS downCompanies, count(n) AS downCompaniesReached
}
CALL (focus) {
  MATCH (focus:Segment)<-[:FEEDS*1..{{depth}}]-(n)
  WITH DISTINCT n
  WHERE n <> focus
  WITH n LIMIT $upCap
  RETURN collect(n)[..$shownLimit] AS upSegments, count(n) AS upSegmentsReached
}
CALL (focus) {
  MATCH (focus:Segment)-[:FEEDS*1..{{depth}}]->(n)
  WITH DISTINCT n
  WHERE n <> focus
  WITH n LIMIT $downCap
  RETURN collect(n)[..$shownLimit] AS downSegments, count(n) AS downSegmentsReached
}
CALL (focus) {
  MATCH (focus:Chain)<-[:PART_OF]-(n:Segment)
  WITH DISTINCT n LIMIT $upCap + $downCap
  RETURN collect(n) AS chainSegments
}
WITH focus, [label IN labels(focus) WHERE label <> 'Entity'][0] AS focusLabel,
     upCompanies + upSegments + chainSegments AS up, downCompanies + downSegments AS down,
     upCompaniesReached + upSegmentsReached + size(chainSegments) AS upReached,
     downCompaniesReached + downSegmentsReached AS downReached,
     $regionId IS NULL OR filterRegion IS NOT NULL AS regionKnown,
     $clusterId IS NULL OR filterCluster IS NOT NULL AS clusterKnown
// The upstream share: min(size(up), max(half the room, what downstream leaves)).
WITH *, CASE WHEN $room / 2 > $room - size(down) THEN $room / 2 ELSE $room - size(down) END AS upRoom
WITH *, CASE WHEN size(up) < upRoom THEN size(up) ELSE upRoom END AS upShare
WITH *, up[..upShare] AS shownUp, down[..$room - upShare] AS shownDown
// A node both upstream and downstream (a supply loop) is shown once, as upstream.
WITH [[focus, 'FOCUS']] + [n IN shownUp | [n, 'UPSTREAM']] + [n IN shownDown WHERE NOT n IN shownUp | [n, 'DOWNSTREAM']] AS core,
     [focusLabel, upReached, downReached, size(shownUp) < size(up) OR size(shownDown) < size(down), regionKnown, clusterKnown] AS header
{{> view-elements}}
