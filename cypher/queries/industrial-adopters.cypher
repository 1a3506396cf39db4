// Evidence for ranking the companies likely to adopt a lab's technologies: companies that use or
// need one, operate in a segment it applies to, or buy from a company that uses it.
// api/src/answers/industrial-adopters.ts scores the evidence. It carries ids only: the reasons
// take names (English and Chinese) from the read that names the paths' nodes, which holds every
// technology and company named here, so 2,000 candidates' rows do not carry them.
MATCH (lab:Entity:Lab {id: $labId})-[d:DEVELOPS]->(t:Technology)
WITH lab, t, coalesce(d.trl, t.trl) AS trl
CALL (t) {
  MATCH (t)<-[r:USES|NEEDS]-(c:Company)
  RETURN c, type(r) AS how, null AS viaId
  UNION
  MATCH (t)-[:APPLIES_TO]->(s:Segment)<-[:OPERATES_IN]-(c:Company)
  RETURN c, 'OPERATES_IN' AS how, s.id AS viaId
  UNION
  MATCH (t)<-[:USES]-(user:Company)-[:SUPPLIES]->(c:Company)
  RETURN c, 'BUYS_FROM_USER' AS how, user.id AS viaId
}
WITH lab, c, collect(DISTINCT { techId: t.id, trl: trl, how: how, viaId: viaId }) AS evidence
LIMIT $candidateLimit
OPTIONAL MATCH (c)-[:LOCATED_IN]->(region:Region)
RETURN c { .id, .name, .nameZh, .stage, .employees } AS company,
       region.name AS regionName,
       evidence,
       [(lab)-[tr:TRANSFERRED_TO]->(c) | { kind: tr.kind, year: tr.year }] AS transfers,
       lab.id AS labId
