// The nodes with these ids as a view (connectionPath draws its paths with it), in the order given.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect([n, null]) AS core, null AS header
{{> view-elements}}
