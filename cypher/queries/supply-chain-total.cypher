// How many nodes a truncated supply chain really has (asked only when the view was cut).
MATCH (focus:Entity {id: $id})
CALL (focus) {
  OPTIONAL MATCH (focus:Company)<-[:SUPPLIES*1..{{depth}}]-(n:Company) WHERE $upstream AND n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..6]->(:Region {id: $regionId}) })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Cluster {id: $clusterId}) })
  RETURN count(DISTINCT n) AS upCompanies
}
CALL (focus) {
  OPTIONAL MATCH (focus:Company)-[:SUPPLIES*1..{{depth}}]->(n:Company) WHERE $downstream AND n <> focus
    AND ($regionId IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..6]->(:Region {id: $regionId}) })
    AND ($clusterId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Cluster {id: $clusterId}) })
  RETURN count(DISTINCT n) AS downCompanies
}
RETURN upCompanies + downCompanies + 1 AS total
