// A few examples of each focus the public queries take, for the start-up warm-up
// (api/src/warm-up.ts): each round asks about other ones, so the response cache cannot answer.
CALL () { OPTIONAL MATCH (c:Company) WHERE EXISTS { (c)-[:SUPPLIES]-() } WITH c ORDER BY c.id LIMIT 21 RETURN collect(c.id) AS companies }
CALL () { OPTIONAL MATCH (s:Company {stage: 'startup'}) WHERE EXISTS { (s)-[:USES]->() } WITH s ORDER BY s.id LIMIT 20 RETURN collect(s.id) AS startups }
CALL () { OPTIONAL MATCH (l:Lab) WHERE EXISTS { (l)-[:DEVELOPS]->() } WITH l ORDER BY l.id LIMIT 20 RETURN collect(l.id) AS labs }
CALL () { OPTIONAL MATCH (ch:Chain) WITH ch ORDER BY ch.id LIMIT 20 RETURN collect(ch.id) AS chains }
CALL () { OPTIONAL MATCH (r:Region) WHERE r.level IN ['city', 'province'] WITH r ORDER BY r.id LIMIT 20 RETURN collect(r.id) AS regions }
RETURN companies, startups, labs, chains, regions
