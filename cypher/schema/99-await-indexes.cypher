// Start-up waits until every index is online, so the first query can use them.
CALL db.awaitIndexes(300);
