-- Jobs starter schema, version 4, for MySQL and MariaDB: nothing changes. Version 4 makes
-- PostgreSQL's claim, owner, finished and active-key indexes partial; MySQL and MariaDB
-- keep the indexes of version 3. The script exists so that every database shares one
-- version history.
SELECT COUNT(*) FROM ${prefix}job WHERE 1 = 0;
