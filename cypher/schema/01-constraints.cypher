// Every node carries :Entity besides its kind label, so any id resolves with one index lookup.
// ids are unique per kind label (DESIGN §3), and this makes them unique across the whole graph.
// Lookups of one kind name :Entity too ((c:Entity:Company {id: $id})), so this one index serves them.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
// Databases made before 2026-12-03 also had one constraint a kind label, each a second index of
// the same ids that every write kept: half the index build after an offline import (100k
// companies: 3.6 -> 1.9 s), for no lookup the :Entity index does not serve.
DROP CONSTRAINT company_id IF EXISTS;
DROP CONSTRAINT lab_id IF EXISTS;
DROP CONSTRAINT talent_id IF EXISTS;
DROP CONSTRAINT technology_id IF EXISTS;
DROP CONSTRAINT chain_id IF EXISTS;
DROP CONSTRAINT segment_id IF EXISTS;
DROP CONSTRAINT cluster_id IF EXISTS;
DROP CONSTRAINT region_id IF EXISTS;
DROP CONSTRAINT policy_id IF EXISTS;
DROP CONSTRAINT incubator_id IF EXISTS;
// The one GraphMeta node (mark-written.cypher) is also the lock WITHIN writes take: unique, so two
// first writes cannot each create one.
CREATE CONSTRAINT graph_meta_id IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.id IS UNIQUE;
// One GapCounts node a segment (cypher/import/refresh-gap-counts.cypher), found by its segment's id.
CREATE CONSTRAINT gap_counts_segment IF NOT EXISTS FOR (g:GapCounts) REQUIRE g.segment IS UNIQUE;
