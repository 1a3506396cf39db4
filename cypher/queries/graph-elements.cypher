// The nodes with these ids as a view (neighborhood, connectionPath), in the order given.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect([n, null]) AS core, null AS header
{{> view-elements}}
