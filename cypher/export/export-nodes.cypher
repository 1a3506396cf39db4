// Nodes of one label, in id order, optionally only those in $ids.
MATCH (n:$($label))
WHERE $ids IS NULL OR n.id IN $ids
RETURN properties(n) AS props
ORDER BY n.id
