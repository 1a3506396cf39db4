// Per segment of a chain, seen from a region (and every region below it): the local companies,
// how much of what local buyers downstream get from this segment comes from outside, the local
// talent for the segment's technologies against the local companies that use or need them,
// candidate fillers from elsewhere, the labs whose technologies apply, and the policies.
//
// Bounded for whole provinces and countries. Everything located in the region is collected
// once (localOrgs) and "is it local?" is a lookup in that list: walking each company's
// relationships to find its region cost ~16 record reads a company, millions for a province.
// Each segment's companies are walked once (local ones counted, the $shown largest kept, the
// $fillerPool largest outside ones kept as filler candidates, all kept as the segment's sellers);
// inbound supplies are counted up to $inboundCap a segment; labs, policies and technology names
// are cut at $shown after ranking, and only those are projected, with their full counts returned.
// The relationship types fix the labels at their far ends (api/src/domain.ts), so those are not
// checked again.
//
// The inbound supplies and the talent are read from the segment's GapCounts node when it was
// counted on the graph as it is now (cypher/import/refresh-gap-counts.cypher: the same counts,
// uncapped, for every region at once); a segment without current counts is walked as below, and
// says so (precomputed), so the API counts again in the background.
//
// The answer is asked in $parts statements run side by side, each for its share of the segments
// ($part of $parts, shared out by estimated cost below): Neo4j Community runs a statement on one core.
// Parts the query does not select are skipped ($withLocals, $withFillers, $withInbound,
// $withTalent, $withLabs, $withPolicies): the web app's region-by-segment matrix asks only for
// the gaps of many regions at once.
{{> graph-version}}
MATCH (chain:Entity:Chain {id: $chainId})
MATCH (region:Entity:Region {id: $regionId})
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
CALL (chain) {
  // Segments are dealt to the parts by their estimated cost, largest first, each to the part with
  // the least so far: a segment costs a fixed share plus its fed segments' companies (the buyers
  // whose supplies are counted), read from the dense segments' degree counts. Dealing by position
  // left one part a third more work than the other in a chain whose last segments feed the most.
  MATCH (segment:Segment)-[:PART_OF]->(chain)
  WITH segment, reduce(w = 15000, n IN [(segment)-[:FEEDS]->(fed:Segment) | COUNT { (fed)<-[:OPERATES_IN]-() }] | w + n) AS cost
  ORDER BY cost DESC, segment.id
  WITH collect({segment: segment, cost: cost}) AS costed
  // [least IN [...] | ...][0] names the least-loaded part once.
  WITH reduce(acc = {loads: [i IN range(1, $parts) | 0], mine: []}, x IN costed |
         [least IN [reduce(l = 0, i IN range(0, $parts - 1) | CASE WHEN acc.loads[i] < acc.loads[l] THEN i ELSE l END)] |
           {loads: [i IN range(0, $parts - 1) | acc.loads[i] + CASE WHEN i = least THEN x.cost ELSE 0 END],
            mine: acc.mine + CASE WHEN least = $part THEN [x.segment] ELSE [] END}][0]).mine AS mine
  UNWIND mine AS segment
  RETURN segment
}
CALL (segment, graphVersion) {
  OPTIONAL MATCH (counts:GapCounts {segment: segment.id}) WHERE counts.version = graphVersion
  // The list read once: counts.regions[i] in the comprehension would read the property again for
  // each i (~130 ms a statement).
  WITH counts, counts.regions AS regions
  WITH counts, [i IN range(0, coalesce(size(regions), 0) - 1) WHERE regions[i] = $regionId][0] AS at
  RETURN counts IS NOT NULL AS precomputed, coalesce(counts.inbound[at], 0) AS countedInbound,
         coalesce(counts.inbound[at] - counts.inboundLocal[at], 0) AS countedFromOutside,
         coalesce(counts.experts[at], 0) AS countedExperts, coalesce(counts.adopters[at], 0) AS countedAdopters
}
CALL (segment, localOrgs) {
  MATCH (segment)<-[:OPERATES_IN]-(c)
  WITH c, c IN localOrgs AS local
  // collect drops the nulls, so each list holds one side; the largest are then picked with a
  // top-k (cheaper than sorting every company of the segment).
  WITH collect(CASE WHEN local THEN c END) AS localList, collect(CASE WHEN NOT local THEN c END) AS outsideList
  CALL (localList) {
    UNWIND CASE WHEN $withLocals THEN localList ELSE [] END AS c
    WITH c ORDER BY coalesce(c.employees, 0) DESC, c.id LIMIT $shown
    RETURN collect(c) AS locals
  }
  CALL (outsideList) {
    UNWIND CASE WHEN $withFillers THEN outsideList ELSE [] END AS c
    WITH c ORDER BY coalesce(c.employees, 0) DESC, c.id LIMIT $fillerPool
    RETURN collect(c) AS fillerPool
  }
  RETURN size(localList) AS localCount, locals, fillerPool, localList + outsideList AS sellers
}
CALL (segment, localOrgs, sellers, precomputed) {
  UNWIND CASE WHEN $withInbound AND NOT precomputed THEN [segment] ELSE [] END AS sellingSegment
  MATCH (sellingSegment)-[:FEEDS]->(:Segment)<-[:OPERATES_IN]-(buyer)
  WHERE buyer IN localOrgs
  // Each buyer once, so each of its SUPPLIES is seen once.
  WITH DISTINCT buyer
  MATCH (buyer)<-[:SUPPLIES]-(seller)
  WHERE seller IN sellers
  // One past the cap says whether there are more than were counted.
  WITH seller LIMIT $inboundCap + 1
  WITH collect(seller) AS found
  WITH found[..$inboundCap] AS counted, size(found) > $inboundCap AS inboundIsLowerBound
  RETURN size(counted) AS inbound, size([seller IN counted WHERE NOT seller IN localOrgs]) AS inboundFromOutside, inboundIsLowerBound
}
CALL (segment) {
  MATCH (segment)<-[:APPLIES_TO]-(t)
  RETURN collect(DISTINCT t) AS techs
}
CALL (techs, localOrgs, precomputed) {
  UNWIND CASE WHEN $withTalent AND NOT precomputed THEN techs ELSE [] END AS t
  MATCH (t)<-[:EXPERT_IN]-(p)-[w:WORKS_AT]->(org)
  WHERE w.until IS NULL AND org IN localOrgs
  RETURN count(DISTINCT p) AS localExperts
}
CALL (techs, localOrgs, precomputed) {
  UNWIND CASE WHEN $withTalent AND NOT precomputed THEN techs ELSE [] END AS t
  MATCH (t)<-[:USES|NEEDS]-(c)
  WHERE c IN localOrgs
  RETURN count(DISTINCT c) AS localAdopters
}
CALL (fillerPool, localOrgs) {
  UNWIND fillerPool AS c
  WITH c,
       COUNT { (c)-[:SUPPLIES]->(customer) WHERE customer IN localOrgs } AS localCustomers,
       COUNT { (c)<-[:WORKS_AT]-()-[:ALUMNUS_OF]->(lab) WHERE lab IN localOrgs } AS localAlumni
  ORDER BY localCustomers + localAlumni DESC, coalesce(c.employees, 0) DESC, c.id
  LIMIT $fillers
  RETURN collect(c { .id, .name, .nameZh, .stage, .employees, region: head([(c)-[:LOCATED_IN]->(r:Region) | r { .name, .nameZh }]),
                     localCustomers: localCustomers, localAlumni: localAlumni }) AS fillers
}
CALL (techs, localOrgs) {
  UNWIND CASE WHEN $withLabs THEN techs ELSE [] END AS t
  MATCH (t)<-[d:DEVELOPS]-(lab)
  WITH lab, collect(DISTINCT t) AS labTechs, max(coalesce(d.trl, t.trl)) AS trl
  WITH lab, labTechs, trl, lab IN localOrgs AS local
  ORDER BY local DESC, trl DESC, lab.id
  WITH collect({lab: lab, labTechs: labTechs, trl: trl, local: local}) AS ranked
  CALL (ranked) {
    UNWIND ranked[..$shown] AS x
    WITH x, x.lab AS lab
    RETURN collect(lab { .id, .name, .nameZh, region: head([(lab)-[:LOCATED_IN]->(r:Region) | r { .name, .nameZh }]), local: x.local,
                         technologies: [t IN x.labTechs[..$shown] | t.name],
                         technologiesZh: [t IN x.labTechs[..$shown] | coalesce(t.nameZh, t.name)], trl: x.trl }) AS labs
  }
  RETURN size(ranked) AS labCount, labs
}
CALL (segment, techs, localRegions, ancestors) {
  UNWIND CASE WHEN $withPolicies THEN [segment] + techs ELSE [] END AS target
  MATCH (p)-[:TARGETS]->(target)
  OPTIONAL MATCH (p)-[:ISSUED_BY]->(issuer:Region)
  WITH DISTINCT p, issuer, issuer IN localRegions OR issuer IN ancestors AS appliesHere
  ORDER BY appliesHere DESC, coalesce(p.funding, 0) DESC, p.id
  WITH collect({p: p, issuer: issuer, appliesHere: appliesHere}) AS ranked
  RETURN size(ranked) AS policyCount,
         [x IN ranked[..$shown] | {id: x.p.id, name: x.p.name, nameZh: x.p.nameZh, funding: x.p.funding,
                                   issuerRegion: x.issuer.name, issuerRegionZh: x.issuer.nameZh, appliesHere: x.appliesHere}] AS policies
}
RETURN segment { .id, .name, .nameZh, .tier } AS segment,
       [(segment)-[:FEEDS]->(next:Segment)-[:PART_OF]->(chain) | next.id] AS feeds,
       localCount,
       [c IN locals | c { .id, .name, .nameZh, .stage, .employees, region: head([(c)-[:LOCATED_IN]->(r:Region) | r { .name, .nameZh }]) }] AS locals,
       CASE WHEN precomputed AND $withInbound THEN countedInbound ELSE inbound END AS inbound,
       CASE WHEN precomputed AND $withInbound THEN countedFromOutside ELSE inboundFromOutside END AS inboundFromOutside,
       inboundIsLowerBound,
       CASE WHEN precomputed AND $withTalent THEN countedExperts ELSE localExperts END AS localExperts,
       CASE WHEN precomputed AND $withTalent THEN countedAdopters ELSE localAdopters END AS localAdopters, precomputed,
       size(techs) AS technologyCount, [t IN techs[..$shown] | t.name] AS technologies,
       [t IN techs[..$shown] | coalesce(t.nameZh, t.name)] AS technologiesZh,
       fillers, labCount, labs, policyCount, policies
ORDER BY segment.id
