// One full-text index over names, Chinese names and aliases of every kind. The cjk analyzer
// indexes Chinese as bigrams, so 晶圆 finds 晶圆制造; aliasText is the aliases list joined,
// because full-text indexes only read string properties.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Company|Lab|Talent|Technology|Chain|Segment|Cluster|Region|Policy|Incubator)
ON EACH [n.name, n.nameZh, n.aliasText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
