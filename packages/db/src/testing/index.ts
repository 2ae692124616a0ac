export type { TestDriver } from "./test-database.ts";
export { createTestDatabase, testDrivers } from "./test-database.ts";
