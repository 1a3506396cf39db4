// Per segment of a chain, seen from a region (and every region below it): the local companies,
// how much of what local buyers downstream get from this segment comes from outside, the local
// talent for the segment's technologies against the local companies that use or need them,
// candidate fillers from elsewhere, the labs whose technologies apply, and the policies.
MATCH (chain:Chain {id: $chainId})
MATCH (region:Region {id: $regionId})
CALL (region) {
  MATCH (r:Region)-[:WITHIN*0..6]->(region)
  RETURN collect(r) AS localRegions
}
CALL (region) {
  OPTIONAL MATCH (region)-[:WITHIN*1..6]->(up:Region)
  RETURN collect(up) AS ancestors
}
MATCH (segment:Segment)-[:PART_OF]->(chain)
CALL (segment, localRegions) {
  OPTIONAL MATCH (segment)<-[:OPERATES_IN]-(c:Company)-[:LOCATED_IN]->(r:Region)
  WHERE r IN localRegions
  WITH DISTINCT c, r ORDER BY coalesce(c.employees, 0) DESC
  RETURN collect(c { .id, .name, .nameZh, .stage, .employees, regionName: r.name }) AS locals
}
CALL (segment, localRegions) {
  MATCH (segment)-[:FEEDS]->(:Segment)<-[:OPERATES_IN]-(buyer:Company)-[:LOCATED_IN]->(br:Region)
  WHERE br IN localRegions
  MATCH (buyer)<-[s:SUPPLIES]-(seller:Company)-[:OPERATES_IN]->(segment)
  MATCH (seller)-[:LOCATED_IN]->(sr:Region)
  WITH DISTINCT s, sr IN localRegions AS fromHere
  RETURN count(s) AS inbound, count(CASE WHEN NOT fromHere THEN 1 END) AS inboundFromOutside
}
CALL (segment, localRegions) {
  OPTIONAL MATCH (segment)<-[:APPLIES_TO]-(t:Technology)
  WITH collect(DISTINCT t) AS techs
  CALL (techs, localRegions) {
    UNWIND techs AS t
    MATCH (t)<-[:EXPERT_IN]-(p:Talent)-[w:WORKS_AT]->()-[:LOCATED_IN]->(r:Region)
    WHERE w.until IS NULL AND r IN localRegions
    RETURN count(DISTINCT p) AS localExperts
  }
  CALL (techs, localRegions) {
    UNWIND techs AS t
    MATCH (t)<-[:USES|NEEDS]-(c:Company)-[:LOCATED_IN]->(r:Region)
    WHERE r IN localRegions
    RETURN count(DISTINCT c) AS localAdopters
  }
  RETURN techs, localExperts, localAdopters
}
CALL (segment, localRegions) {
  MATCH (segment)<-[:OPERATES_IN]-(c:Company)-[:LOCATED_IN]->(r:Region)
  WHERE NOT r IN localRegions
  WITH DISTINCT c, r,
       COUNT { (c)-[:SUPPLIES]->(:Company)-[:LOCATED_IN]->(x:Region) WHERE x IN localRegions } AS localCustomers,
       COUNT { (c)<-[:WORKS_AT]-(:Talent)-[:ALUMNUS_OF]->(:Lab)-[:LOCATED_IN]->(x:Region) WHERE x IN localRegions } AS localAlumni
  ORDER BY localCustomers + localAlumni DESC, coalesce(c.employees, 0) DESC, c.id
  LIMIT $fillers
  RETURN collect(c { .id, .name, .nameZh, .stage, .employees, regionName: r.name, localCustomers: localCustomers, localAlumni: localAlumni }) AS fillers
}
CALL (techs, localRegions) {
  UNWIND techs AS t
  MATCH (t)<-[d:DEVELOPS]-(lab:Lab)
  OPTIONAL MATCH (lab)-[:LOCATED_IN]->(r:Region)
  WITH lab, r, collect(DISTINCT t.name) AS technologies, max(coalesce(d.trl, t.trl)) AS trl
  ORDER BY r IN localRegions DESC, trl DESC, lab.id
  RETURN collect(lab { .id, .name, .nameZh, regionName: r.name, local: r IN localRegions, technologies: technologies, trl: trl }) AS labs
}
CALL (segment, techs, localRegions, ancestors) {
  MATCH (p:Policy)-[:TARGETS]->(target)
  WHERE target = segment OR target IN techs
  OPTIONAL MATCH (p)-[:ISSUED_BY]->(issuer:Region)
  WITH DISTINCT p, issuer
  RETURN collect(p { .id, .name, .nameZh, .funding, issuerRegion: issuer.name,
                     appliesHere: issuer IN localRegions OR issuer IN ancestors }) AS policies
}
RETURN segment { .id, .name, .nameZh, .tier } AS segment,
       [(segment)-[:FEEDS]->(next:Segment)-[:PART_OF]->(chain) | next.id] AS feeds,
       locals, inbound, inboundFromOutside, localExperts, localAdopters,
       [t IN techs | t.name] AS technologies, fillers, labs, policies
ORDER BY segment.id
