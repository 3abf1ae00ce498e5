-- An application's own migration, for tests of the starter beside the application's Flyway.
CREATE TABLE customer (
    id   INTEGER      NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

INSERT INTO customer (id, name) VALUES (1, 'Ada');
