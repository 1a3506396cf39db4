// How many graph nodes there are (from the count store: no scan).
MATCH (n:Entity) RETURN count(n) AS entities
