// Evidence for ranking pilot partners of a startup (or of a set of technologies). The startup's
// technologies (what it USES, plus $technologyIds) apply to "home" segments (also where it
// operates); candidates operate in the segments directly upstream or downstream of those, or
// in a home segment (joint development). For each candidate the evidence the scoring needs is
// returned; api/src/answers/pilot-partners.ts turns it into a score, reasons and paths.
OPTIONAL MATCH (startup:Company {id: $startupId})
OPTIONAL MATCH (startup)-[:LOCATED_IN]->(startupRegion:Region)
OPTIONAL MATCH (chosen:Region {id: $regionId})
WITH startup, coalesce(chosen, startupRegion) AS reference
CALL () {
  UNWIND $technologyIds AS technologyId
  MATCH (t:Technology {id: technologyId})
  RETURN collect(t) AS given
}
WITH startup, reference,
     [(startup)-[:USES]->(t:Technology) | t] + given AS techList,
     [(reference)-[:WITHIN*0..6]->(a:Region) | a] AS referenceArea
WITH startup, reference, referenceArea,
     reduce(acc = [], t IN techList | CASE WHEN t IN acc THEN acc ELSE acc + t END) AS techs
WITH startup, reference, referenceArea, techs,
     [(startup)-[:OPERATES_IN]->(s:Segment) | s] + reduce(acc = [], t IN techs | acc + [(t)-[:APPLIES_TO]->(s:Segment) | s]) AS homeList
WITH startup, reference, referenceArea, techs,
     reduce(acc = [], s IN homeList | CASE WHEN s IN acc THEN acc ELSE acc + s END) AS home
UNWIND home AS homeSegment
CALL (homeSegment) {
  MATCH (homeSegment)<-[:FEEDS]-(s:Segment) RETURN s AS segment, 'UPSTREAM' AS role
  UNION
  MATCH (homeSegment)-[:FEEDS]->(s:Segment) RETURN s AS segment, 'DOWNSTREAM' AS role
  UNION
  RETURN homeSegment AS segment, 'SAME_SEGMENT' AS role
}
MATCH (segment)<-[:OPERATES_IN]-(c:Company)
WHERE startup IS NULL OR c <> startup
WITH startup, reference, referenceArea, techs, c,
     collect(DISTINCT { role: role, homeId: homeSegment.id, segmentId: segment.id, segmentName: segment.name }) AS links
LIMIT $candidateLimit
OPTIONAL MATCH (c)-[:LOCATED_IN]->(region:Region)
WITH startup, reference, referenceArea, techs, c, links, region,
     [(region)-[:WITHIN*0..6]->(a:Region) | a] AS area
RETURN c { .id, .name, .nameZh, .stage, .employees } AS company,
       links,
       region { .id, .name, .level } AS region,
       [a IN area WHERE a IN referenceArea | a.level] AS sharedLevels,
       [t IN techs WHERE EXISTS { (c)-[:USES|NEEDS]->(t) } | t { .id, .name, .trl }] AS sharedTechs,
       size(techs) AS techCount,
       [(c)-[r:SUPPLIES]->() | r.product][..3] AS sells,
       [(c)<-[r:SUPPLIES]-() | r.product][..3] AS buys,
       [(startup)-[:MEMBER_OF]->(cl:Cluster)<-[:MEMBER_OF]-(c) | cl { .id, .name }] AS sharedClusters,
       [(startup)<-[:INCUBATES]-(i:Incubator)-[:INCUBATES]->(c) | i { .id, .name }] AS sharedIncubators,
       [(startup)<-[:WORKS_AT]-(p:Talent)-[:ALUMNUS_OF]->(l:Lab)<-[:ALUMNUS_OF]-(q:Talent)-[:WORKS_AT]->(c) WHERE p <> q
         | { lab: l { .id, .name }, ours: p { .id, .name }, theirs: q { .id, .name } }][..3] AS sharedLabs,
       [(startup)<-[:WORKS_AT]-(p:Talent)-[w:WORKS_AT]->(c) WHERE w.until IS NOT NULL
         | { person: p { .id, .name }, until: w.until }][..3] AS formerStaff,
       [(startup)<-[:WORKS_AT]-(p:Talent)-[:WORKS_AT]->(org)<-[:WORKS_AT]-(q:Talent)-[:WORKS_AT]->(c)
         WHERE p <> q AND org <> c AND org <> startup
         | { ours: p { .id, .name }, theirs: q { .id, .name }, org: org { .id, .name } }][..3] AS formerColleagues,
       [(c)-[:OPERATES_IN]->(:Segment)<-[:TARGETS]-(pol:Policy)-[:ISSUED_BY]->(issuer:Region) WHERE issuer IN area
         | pol { .id, .name, .funding }] AS policies,
       EXISTS { (c)-[:SUPPLIES]-(startup) } AS existingPartner,
       startup { .id, .name } AS startup
