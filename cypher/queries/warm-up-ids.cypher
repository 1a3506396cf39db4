// One example of each focus the public queries take, for the start-up warm-up (api/src/warm-up.ts).
CALL () { OPTIONAL MATCH (c:Company) WHERE EXISTS { (c)-[:SUPPLIES]-() } WITH c ORDER BY c.id RETURN collect(c.id)[..2] AS pair }
CALL () { OPTIONAL MATCH (s:Company {stage: 'startup'}) WHERE EXISTS { (s)-[:USES]->() } RETURN s.id AS startup LIMIT 1 }
CALL () { OPTIONAL MATCH (l:Lab) WHERE EXISTS { (l)-[:DEVELOPS]->() } RETURN l.id AS lab LIMIT 1 }
CALL () { OPTIONAL MATCH (ch:Chain) RETURN ch.id AS chain LIMIT 1 }
CALL () { OPTIONAL MATCH (r:Region) WHERE r.level IN ['city', 'province'] RETURN r.id AS region LIMIT 1 }
RETURN pair[0] AS company, pair[1] AS other, startup, lab, chain, region
