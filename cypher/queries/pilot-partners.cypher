// Evidence for ranking pilot partners of a startup (or of a set of technologies). The startup's
// technologies (what it USES, plus $technologyIds) apply to "home" segments (also where it
// operates); candidates operate in the segments directly upstream or downstream of those, or
// in a home segment (joint development). The best $first candidates come back with the evidence
// api/src/answers/pilot-partners.ts turns into a score, reasons and paths.
OPTIONAL MATCH (startup:Entity:Company {id: $startupId})
OPTIONAL MATCH (startup)-[:LOCATED_IN]->(startupRegion:Region)
OPTIONAL MATCH (chosen:Entity:Region {id: $regionId})
WITH startup, coalesce(chosen, startupRegion) AS reference
CALL () {
  UNWIND $technologyIds AS technologyId
  MATCH (t:Entity:Technology {id: technologyId})
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
// The segments a candidate may sit in, with its role towards the startup: a short list.
CALL (home) {
  UNWIND home AS homeSegment
  CALL (homeSegment) {
    MATCH (homeSegment)<-[:FEEDS]-(s:Segment) RETURN s AS segment, 'UPSTREAM' AS role
    UNION
    MATCH (homeSegment)-[:FEEDS]->(s:Segment) RETURN s AS segment, 'DOWNSTREAM' AS role
    UNION
    RETURN homeSegment AS segment, 'SAME_SEGMENT' AS role
  }
  RETURN collect([role, homeSegment, segment]) AS targets
}
// On a big graph the candidates are cut before the costlier evidence: those linked most ways
// to the startup's segments, then the largest (adjacency and capacity are part of the score).
// Links are only counted here (tens of thousands of companies at 100k) and listed for the cut.
CALL (targets, startup) {
  UNWIND targets AS target
  WITH target[2] AS segment
  MATCH (segment)<-[:OPERATES_IN]-(c)
  WHERE startup IS NULL OR c <> startup
  WITH c, count(*) AS linkCount
  ORDER BY linkCount DESC, coalesce(c.employees, 0) DESC, elementId(c)
  LIMIT $candidateLimit
  // One walk of each kept candidate's outgoing relationships gives its segments, region,
  // clusters and technologies: the candidates are the largest firms, whose relationship chains
  // are long, and each typed walk read a chain again (three walks: 13 % slower, same answers).
  WITH c, [(c)-[r:OPERATES_IN|MEMBER_OF|USES|NEEDS|LOCATED_IN]->(x) | [type(r), x]] AS outs
  WITH c, outs, [o IN outs WHERE o[0] = 'OPERATES_IN' | o[1]] AS segments
  RETURN collect({ c: c, outs: outs, segments: segments, links: [t IN targets WHERE t[2] IN segments] }) AS candidates
}
// Which (segment, issuing region) pairs have a policy, gathered once as "segmentId|regionId"
// keys: matched from each candidate, policies were half the time at 100k companies (hundreds
// a segment, for each of 2,000 candidates). Only the best $first get the policies themselves.
// The relationship types fix the labels at their far ends (api/src/domain.ts): checking them
// again was a tenth of the statement's reads, for the same answers.
CALL () {
  MATCH (s:Segment)<-[:TARGETS]-()-[:ISSUED_BY]->(issuer)
  RETURN collect(DISTINCT s.id + '|' + issuer.id) AS policyKeys
}
// The startup's ties, walked once from its side (a few people and organisations) rather than
// from each candidate towards it.
WITH startup, reference, referenceArea, techs, candidates, policyKeys,
     [(startup)-[:MEMBER_OF]->(cl:Cluster) | cl] AS startupClusters,
     [(startup)<-[:INCUBATES]-(i:Incubator)-[:INCUBATES]->(mate) | { c: mate, incubator: i { .id, .name, .nameZh } }] AS incubatorMates,
     [(startup)<-[:WORKS_AT]-(p:Talent)-[:ALUMNUS_OF]->(l:Lab)<-[:ALUMNUS_OF]-(q:Talent)-[:WORKS_AT]->(org) WHERE p <> q
       | { c: org, tie: { lab: l { .id, .name, .nameZh }, ours: p { .id, .name, .nameZh }, theirs: q { .id, .name, .nameZh } } }] AS labTies,
     [(startup)<-[:WORKS_AT]-(p:Talent)-[w:WORKS_AT]->(org) WHERE w.until IS NOT NULL
       | { c: org, tie: { person: p { .id, .name, .nameZh }, until: w.until } }] AS staffTies,
     [(startup)<-[:WORKS_AT]-(p:Talent)-[:WORKS_AT]->(org)<-[:WORKS_AT]-(q:Talent)-[:WORKS_AT]->(other)
       WHERE p <> q AND other <> org AND org <> startup
       | { c: other, tie: { ours: p { .id, .name, .nameZh }, theirs: q { .id, .name, .nameZh }, org: org { .id, .name, .nameZh } } }] AS colleagueTies,
     [(startup)-[:SUPPLIES]-(partner:Company) | partner] AS partners
// Candidates grouped by region: each region's ancestors are walked once, not once a candidate.
CALL (candidates, referenceArea) {
  UNWIND candidates AS candidate
  WITH candidate, candidate.c AS c
  WITH candidate, head([o IN candidate.outs WHERE o[0] = 'LOCATED_IN' | o[1]]) AS region
  WITH region, collect(candidate) AS group
  WITH region, group, [(region)-[:WITHIN*0..6]->(a) | a] AS area
  WITH region, group, area, [a IN area WHERE a IN referenceArea | a.level] AS sharedLevels, [a IN area | '|' + a.id] AS areaKeys
  UNWIND group AS candidate
  RETURN candidate.c AS c, candidate.links AS rawLinks, candidate.outs AS outs, candidate.segments AS segments, region, area, sharedLevels, areaKeys
}
WITH *,
     [o IN outs WHERE o[0] IN ['USES', 'NEEDS'] | o[1]] AS usedOrNeeded,
     any(o IN outs WHERE o[0] = 'MEMBER_OF' AND o[1] IN startupClusters) AS inCluster
WITH *,
     [t IN techs WHERE t IN usedOrNeeded] AS sharedTechNodes,
     any(s IN segments WHERE any(k IN areaKeys WHERE s.id + k IN policyKeys)) AS hasPolicy
// The score, so that only the best $first candidates get their full evidence. This mirrors
// scorePilotPartner in api/src/answers/pilot-partners.ts term by term (weights come from there
// as $weights); a test checks that both agree on every candidate of the fixture graph.
WITH *,
     (CASE WHEN any(i IN incubatorMates WHERE i.c = c) THEN 1 ELSE 0 END)
       + (CASE WHEN any(t IN labTies WHERE t.c = c) THEN 1 ELSE 0 END)
       + (CASE WHEN any(t IN staffTies + colleagueTies WHERE t.c = c) THEN 1 ELSE 0 END) AS tieCount
WITH *,
     0.0
       + $weights.technologyFit * (CASE WHEN size(techs) = 0 THEN 0.0 ELSE toFloat(size(sharedTechNodes)) / size(techs) END)
       + $weights.chainAdjacency * (CASE WHEN any(l IN rawLinks WHERE l[0] <> 'SAME_SEGMENT') THEN 1.0 ELSE 0.6 END)
       + $weights.proximity * (CASE WHEN any(l IN sharedLevels WHERE l IN ['city', 'district', 'zone']) THEN 1.0
                                    WHEN 'province' IN sharedLevels THEN 0.6 WHEN 'country' IN sharedLevels THEN 0.3 ELSE 0.0 END)
       + $weights.sharedCluster * (CASE WHEN inCluster THEN 1.0 ELSE 0.0 END)
       + $weights.capacity * (CASE WHEN coalesce(c.employees, 0) >= 1000 THEN 1.0 WHEN c.stage = 'enterprise' THEN 1.0
                                   WHEN c.stage = 'scaleup' THEN 0.7 WHEN c.stage = 'startup' THEN 0.3 ELSE 0.5 END)
       + $weights.ties * (CASE WHEN tieCount >= 2 THEN 1.0 ELSE tieCount / 2.0 END)
       + $weights.policy * (CASE WHEN hasPolicy THEN 1.0 ELSE 0.0 END) AS rawScore
WITH *, round(rawScore * 1000) / 1000.0 AS rankScore
ORDER BY rankScore DESC, c.id
LIMIT $first
WITH *, [l IN rawLinks | { role: l[0], homeId: l[1].id, segmentId: l[2].id, segmentName: l[2].name, segmentNameZh: l[2].nameZh }] AS links
// The first three of a candidate's sales, purchases and policies are read with COLLECT { … LIMIT 3 }:
// a list comprehension cut with [..3] walked all of them first (thousands of SUPPLIES for the large
// firms that rank first), a tenth of the statement's time at 100k companies for the same answers.
RETURN c { .id, .name, .nameZh, .stage, .employees } AS company,
       links,
       region { .id, .name, .nameZh, .level } AS region,
       sharedLevels,
       [t IN sharedTechNodes | t { .id, .name, .nameZh, .trl }] AS sharedTechs,
       size(techs) AS techCount,
       COLLECT { MATCH (c)-[r:SUPPLIES]->() RETURN r.product LIMIT 3 } AS sells,
       COLLECT { MATCH (c)<-[r:SUPPLIES]-() RETURN r.product LIMIT 3 } AS buys,
       [(c)-[:MEMBER_OF]->(cl:Cluster) WHERE cl IN startupClusters | cl { .id, .name, .nameZh }] AS sharedClusters,
       [m IN incubatorMates WHERE m.c = c | m.incubator] AS sharedIncubators,
       [t IN labTies WHERE t.c = c | t.tie][..3] AS sharedLabs,
       [t IN staffTies WHERE t.c = c | t.tie][..3] AS formerStaff,
       [t IN colleagueTies WHERE t.c = c | t.tie][..3] AS formerColleagues,
       COLLECT { MATCH (c)-[:OPERATES_IN]->()<-[:TARGETS]-(pol)-[:ISSUED_BY]->(issuer) WHERE issuer IN area
                 RETURN pol { .id, .name, .nameZh, .funding } LIMIT 3 } AS policies,
       c IN partners AS existingPartner,
       startup { .id, .name, .nameZh } AS startup,
       rankScore
