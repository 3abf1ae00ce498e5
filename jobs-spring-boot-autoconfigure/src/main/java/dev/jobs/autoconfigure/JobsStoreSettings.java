package dev.jobs.autoconfigure;

import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;

/**
 * The store's vendor and table names.
 *
 * @param vendor the database vendor
 * @param tablePrefix the table names
 */
record JobsStoreSettings(SchemaVendor vendor, TablePrefix tablePrefix) {

}
