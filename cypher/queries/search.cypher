// Ranked full-text matches over names, Chinese names and aliases; the limit goes into the
// index call. $query is a Lucene query the API builds from escaped user text.
CALL db.index.fulltext.queryNodes('entity_names', $query, { limit: $limit }) YIELD node, score
WHERE size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels)
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, properties(node) AS props,
       COUNT { (node)--() } AS degree,
       score + CASE WHEN toLower(node.name) = $exact OR node.nameZh = $exact THEN 10.0 ELSE 0.0 END AS score
ORDER BY score DESC
LIMIT $first
