// One segment's gap counts for every region at once, kept on a GapCounts node stamped with the
// graph's version as it was when the statement began (cypher/partials/graph-version.cypher).
// chain-gaps.cypher reads them instead of walking the same relationships on every question, and
// only while the version is still the same: a write that lands during the count moves the version
// past the stamp, so counts that may have seen part of it are never read.
//
// For each region R (by id), in the same terms as chain-gaps.cypher's walks, where "under R" is
// located in R or a region within it (WITHIN*0..6):
//   inbound       SUPPLIES from a company of the segment to a buyer under R operating in a segment
//                 it feeds (each buyer once, each of its supplies once), all of them, uncapped;
//   inboundLocal  those whose seller is under R too;
//   experts       people expert in a technology of the segment whose current job is under R;
//   adopters      organisations under R that use or need a technology of the segment.
// Everything is grouped first by where its ends are located (a few thousand groups a segment
// at 100,000 companies), and only the groups are spread over those places' ancestors.
{{> graph-version}}
MATCH (segment:Entity:Segment {id: $segmentId})
// No row when another API process (each runs its own refresh) has counted it on this version.
WHERE NOT EXISTS { MATCH (:GapCounts {segment: segment.id, version: graphVersion}) }
CALL (segment) {
  CALL (segment) {
    MATCH (segment)-[:FEEDS]->(:Segment)<-[:OPERATES_IN]-(buyer)
    WITH DISTINCT buyer
    MATCH (buyer)<-[:SUPPLIES]-(seller)
    WHERE EXISTS { (seller)-[:OPERATES_IN]->(segment) }
    WITH COLLECT { MATCH (buyer)-[:LOCATED_IN]->(r:Region) RETURN r } AS buyerRegions,
         COLLECT { MATCH (seller)-[:LOCATED_IN]->(r:Region) RETURN r } AS sellerRegions
    WITH buyerRegions, sellerRegions, count(*) AS n
    WITH n, COLLECT { UNWIND buyerRegions AS r MATCH (r)-[:WITHIN*0..6]->(a:Region) RETURN DISTINCT a.id } AS buyerUnder,
            COLLECT { UNWIND sellerRegions AS r MATCH (r)-[:WITHIN*0..6]->(a:Region) RETURN DISTINCT a.id } AS sellerUnder
    UNWIND buyerUnder AS at
    RETURN at, n AS inbound, CASE WHEN at IN sellerUnder THEN n ELSE 0 END AS inboundLocal, 0 AS experts, 0 AS adopters
   UNION ALL
    MATCH (segment)<-[:APPLIES_TO]-()<-[:EXPERT_IN]-(p)
    WITH DISTINCT p
    WITH COLLECT { MATCH (p)-[w:WORKS_AT]->()-[:LOCATED_IN]->(r:Region) WHERE w.until IS NULL RETURN DISTINCT r } AS regions
    WITH regions, count(*) AS n
    UNWIND COLLECT { UNWIND regions AS r MATCH (r)-[:WITHIN*0..6]->(a:Region) RETURN DISTINCT a.id } AS at
    RETURN at, 0 AS inbound, 0 AS inboundLocal, n AS experts, 0 AS adopters
   UNION ALL
    MATCH (segment)<-[:APPLIES_TO]-()<-[:USES|NEEDS]-(c)
    WITH DISTINCT c
    WITH COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN r } AS regions
    WITH regions, count(*) AS n
    UNWIND COLLECT { UNWIND regions AS r MATCH (r)-[:WITHIN*0..6]->(a:Region) RETURN DISTINCT a.id } AS at
    RETURN at, 0 AS inbound, 0 AS inboundLocal, 0 AS experts, n AS adopters
  }
  WITH at, sum(inbound) AS inbound, sum(inboundLocal) AS inboundLocal, sum(experts) AS experts, sum(adopters) AS adopters
  ORDER BY at
  // No grouping key: one row even for a segment with nothing to count.
  RETURN collect(at) AS regions, collect(inbound) AS inbound, collect(inboundLocal) AS inboundLocal, collect(experts) AS experts, collect(adopters) AS adopters
}
MERGE (counts:GapCounts {segment: segment.id})
SET counts.version = graphVersion, counts.regions = regions, counts.inbound = inbound, counts.inboundLocal = inboundLocal,
    counts.experts = experts, counts.adopters = adopters
RETURN graphVersion AS version, size(regions) AS regions
