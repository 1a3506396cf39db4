// Per segment of a chain, seen from a region (and every region below it): the local companies,
// how much of what local buyers downstream get from this segment comes from outside, the local
// talent for the segment's technologies against the local companies that use or need them,
// candidate fillers from elsewhere, the labs whose technologies apply, and the policies.
//
// Bounded for whole provinces and countries. Everything located in the region is collected
// once (localOrgs) and "is it local?" is a lookup in that list: walking each company's
// relationships to find its region cost ~16 record reads a company, millions for a province.
// Each segment's companies are walked once (local ones counted, the $shown largest kept, the
// $fillerPool largest outside ones kept as filler candidates); inbound supplies are counted up
// to $inboundCap a segment; labs, policies and technology names are cut at $shown after
// ranking, and their full counts returned.
MATCH (chain:Chain {id: $chainId})
MATCH (region:Region {id: $regionId})
CALL (region) {
  MATCH (r:Region)-[:WITHIN*0..6]->(region)
  RETURN collect(r) AS localRegions
}
CALL (localRegions) {
  UNWIND localRegions AS r
  MATCH (r)<-[:LOCATED_IN]-(org)
  RETURN collect(org) AS localOrgs
}
CALL (region) {
  OPTIONAL MATCH (region)-[:WITHIN*1..6]->(up:Region)
  RETURN collect(up) AS ancestors
}
MATCH (segment:Segment)-[:PART_OF]->(chain)
CALL (segment, localOrgs) {
  MATCH (segment)<-[:OPERATES_IN]-(c:Company)
  WITH c, c IN localOrgs AS local
  ORDER BY coalesce(c.employees, 0) DESC, c.id
  // collect drops the nulls, so each list holds one side.
  WITH collect(CASE WHEN local THEN c END) AS locals, collect(CASE WHEN NOT local THEN c END) AS outside
  RETURN size(locals) AS localCount, locals[..$shown] AS locals, outside[..$fillerPool] AS fillerPool
}
CALL (segment, localOrgs) {
  // In its own subquery, so the aggregation is not grouped by localOrgs (hashing that list).
  CALL (segment) {
    MATCH (segment)<-[:OPERATES_IN]-(seller:Company)
    RETURN collect(seller) AS sellers
  }
  MATCH (segment)-[:FEEDS]->(:Segment)<-[:OPERATES_IN]-(buyer:Company)
  WHERE buyer IN localOrgs
  MATCH (buyer)<-[s:SUPPLIES]-(seller:Company)
  WHERE seller IN sellers
  WITH DISTINCT s, seller LIMIT $inboundCap
  RETURN count(s) AS inbound, count(CASE WHEN NOT seller IN localOrgs THEN 1 END) AS inboundFromOutside
}
CALL (segment, localOrgs) {
  OPTIONAL MATCH (segment)<-[:APPLIES_TO]-(t:Technology)
  WITH collect(DISTINCT t) AS techs
  CALL (techs, localOrgs) {
    UNWIND techs AS t
    MATCH (t)<-[:EXPERT_IN]-(p:Talent)-[w:WORKS_AT]->(org)
    WHERE w.until IS NULL AND org IN localOrgs
    RETURN count(DISTINCT p) AS localExperts
  }
  CALL (techs, localOrgs) {
    UNWIND techs AS t
    MATCH (t)<-[:USES|NEEDS]-(c:Company)
    WHERE c IN localOrgs
    RETURN count(DISTINCT c) AS localAdopters
  }
  RETURN techs, localExperts, localAdopters
}
CALL (fillerPool, localOrgs) {
  UNWIND fillerPool AS c
  WITH c,
       COUNT { (c)-[:SUPPLIES]->(customer:Company) WHERE customer IN localOrgs } AS localCustomers,
       COUNT { (c)<-[:WORKS_AT]-(:Talent)-[:ALUMNUS_OF]->(lab:Lab) WHERE lab IN localOrgs } AS localAlumni
  ORDER BY localCustomers + localAlumni DESC, coalesce(c.employees, 0) DESC, c.id
  LIMIT $fillers
  RETURN collect(c { .id, .name, .nameZh, .stage, .employees, regionName: head([(c)-[:LOCATED_IN]->(r:Region) | r.name]),
                     localCustomers: localCustomers, localAlumni: localAlumni }) AS fillers
}
CALL (techs, localOrgs) {
  UNWIND techs AS t
  MATCH (t)<-[d:DEVELOPS]-(lab:Lab)
  WITH lab, lab IN localOrgs AS local, collect(DISTINCT t.name) AS technologies, max(coalesce(d.trl, t.trl)) AS trl
  ORDER BY local DESC, trl DESC, lab.id
  WITH collect(lab { .id, .name, .nameZh, regionName: head([(lab)-[:LOCATED_IN]->(r:Region) | r.name]),
                    local: local, technologies: technologies[..$shown], trl: trl }) AS labs
  RETURN size(labs) AS labCount, labs[..$shown] AS labs
}
CALL (segment, techs, localRegions, ancestors) {
  UNWIND [segment] + techs AS target
  MATCH (p:Policy)-[:TARGETS]->(target)
  OPTIONAL MATCH (p)-[:ISSUED_BY]->(issuer:Region)
  WITH DISTINCT p, issuer, issuer IN localRegions OR issuer IN ancestors AS appliesHere
  ORDER BY appliesHere DESC, coalesce(p.funding, 0) DESC, p.id
  WITH collect(p { .id, .name, .nameZh, .funding, issuerRegion: issuer.name, appliesHere: appliesHere }) AS policies
  RETURN size(policies) AS policyCount, policies[..$shown] AS policies
}
RETURN segment { .id, .name, .nameZh, .tier } AS segment,
       [(segment)-[:FEEDS]->(next:Segment)-[:PART_OF]->(chain) | next.id] AS feeds,
       localCount,
       [c IN locals | c { .id, .name, .nameZh, .stage, .employees, regionName: head([(c)-[:LOCATED_IN]->(r:Region) | r.name]) }] AS locals,
       inbound, inboundFromOutside, localExperts, localAdopters,
       size(techs) AS technologyCount, [t IN techs | t.name][..$shown] AS technologies,
       fillers, labCount, labs, policyCount, policies
ORDER BY segment.id
