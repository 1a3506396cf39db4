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
     collect(DISTINCT [role, homeSegment, segment]) AS links
// On a big graph the candidates are cut before the costlier evidence: those linked most ways
// to the startup's segments, then the largest (adjacency and capacity are part of the score).
ORDER BY size(links) DESC, coalesce(c.employees, 0) DESC, c.id
LIMIT $candidateLimit
WITH startup, reference, referenceArea, techs, collect({ c: c, links: links }) AS candidates
// Policies by segment and issuer, gathered once: matched from each candidate they were half of
// the time at 100k companies (hundreds of policies a segment, for each of 2,000 candidates).
CALL () {
  MATCH (s:Segment)<-[:TARGETS]-(pol:Policy)-[:ISSUED_BY]->(issuer:Region)
  WITH s, issuer, collect(pol { .id, .name, .funding }) AS policies
  WITH s, collect({ issuer: issuer, policies: policies }) AS byIssuer
  RETURN collect({ segment: s, byIssuer: byIssuer }) AS segmentPolicies
}
// The startup's ties, walked once from its side (a few people and organisations) rather than
// from each candidate towards it.
WITH startup, reference, referenceArea, techs, candidates, segmentPolicies,
     [(startup)-[:MEMBER_OF]->(cl:Cluster) | cl] AS startupClusters,
     [(startup)<-[:INCUBATES]-(i:Incubator)-[:INCUBATES]->(mate) | { c: mate, incubator: i { .id, .name } }] AS incubatorMates,
     [(startup)<-[:WORKS_AT]-(p:Talent)-[:ALUMNUS_OF]->(l:Lab)<-[:ALUMNUS_OF]-(q:Talent)-[:WORKS_AT]->(org) WHERE p <> q
       | { c: org, tie: { lab: l { .id, .name }, ours: p { .id, .name }, theirs: q { .id, .name } } }] AS labTies,
     [(startup)<-[:WORKS_AT]-(p:Talent)-[w:WORKS_AT]->(org) WHERE w.until IS NOT NULL
       | { c: org, tie: { person: p { .id, .name }, until: w.until } }] AS staffTies,
     [(startup)<-[:WORKS_AT]-(p:Talent)-[:WORKS_AT]->(org)<-[:WORKS_AT]-(q:Talent)-[:WORKS_AT]->(other)
       WHERE p <> q AND other <> org AND org <> startup
       | { c: other, tie: { ours: p { .id, .name }, theirs: q { .id, .name }, org: org { .id, .name } } }] AS colleagueTies,
     [(startup)-[:SUPPLIES]-(partner:Company) | partner] AS partners
UNWIND candidates AS candidate
WITH startup, reference, referenceArea, techs, segmentPolicies, startupClusters, incubatorMates, labTies, staffTies, colleagueTies, partners,
     candidate.c AS c,
     [l IN candidate.links | { role: l[0], homeId: l[1].id, segmentId: l[2].id, segmentName: l[2].name }] AS links
OPTIONAL MATCH (c)-[:LOCATED_IN]->(region:Region)
WITH startup, reference, referenceArea, segmentPolicies, techs, c, links, region,
     startupClusters, incubatorMates, labTies, staffTies, colleagueTies, partners,
     [(region)-[:WITHIN*0..6]->(a:Region) | a] AS area,
     [(c)-[:OPERATES_IN]->(s:Segment) | s] AS segments
RETURN c { .id, .name, .nameZh, .stage, .employees } AS company,
       links,
       region { .id, .name, .level } AS region,
       [a IN area WHERE a IN referenceArea | a.level] AS sharedLevels,
       [t IN techs WHERE EXISTS { (c)-[:USES|NEEDS]->(t) } | t { .id, .name, .trl }] AS sharedTechs,
       size(techs) AS techCount,
       [(c)-[r:SUPPLIES]->() | r.product][..3] AS sells,
       [(c)<-[r:SUPPLIES]-() | r.product][..3] AS buys,
       [(c)-[:MEMBER_OF]->(cl:Cluster) WHERE cl IN startupClusters | cl { .id, .name }] AS sharedClusters,
       [m IN incubatorMates WHERE m.c = c | m.incubator] AS sharedIncubators,
       [t IN labTies WHERE t.c = c | t.tie][..3] AS sharedLabs,
       [t IN staffTies WHERE t.c = c | t.tie][..3] AS formerStaff,
       [t IN colleagueTies WHERE t.c = c | t.tie][..3] AS formerColleagues,
       reduce(acc = [], e IN segmentPolicies |
         CASE WHEN e.segment IN segments
              THEN acc + reduce(ps = [], x IN e.byIssuer | CASE WHEN x.issuer IN area THEN ps + x.policies ELSE ps END)
              ELSE acc END) AS policies,
       c IN partners AS existingPartner,
       startup { .id, .name } AS startup
