// Focus entities for the benchmark: the best-connected companies (hubs) and every company in a
// supply relation (the benchmark draws its seeded spread from them), plus startups, labs,
// chains and regions for the answers.
CALL () {
  MATCH (c:Company) WITH c, COUNT { (c)-[:SUPPLIES]-() } AS degree ORDER BY degree DESC LIMIT 10
  RETURN collect(c.id) AS hubs
}
CALL () {
  MATCH (c:Company) WHERE EXISTS { (c)-[:SUPPLIES]-() }
  WITH c ORDER BY c.id
  RETURN collect(c.id) AS companies
}
CALL () {
  MATCH (c:Company {stage: 'startup'}) WHERE EXISTS { (c)-[:USES]->() }
  WITH c ORDER BY c.id LIMIT 50
  RETURN collect(c.id) AS startups
}
CALL () {
  MATCH (l:Lab) WHERE EXISTS { (l)-[:DEVELOPS]->() } WITH l ORDER BY l.id LIMIT 50 RETURN collect(l.id) AS labs
}
CALL () { MATCH (c:Chain) RETURN collect(c.id) AS chains }
CALL () {
  MATCH (r:Region) WHERE r.level IN ['city', 'province'] AND EXISTS { (r)<-[:WITHIN*0..3]-()<-[:LOCATED_IN]-(:Company) }
  RETURN collect(r.id) AS regions
}
RETURN hubs, companies, startups, labs, chains, regions
