import type { Knex } from "knex";

/**
 * A small CMDB the lookup widgets search (affected service, server, laptop). Seeded
 * with a few realistic items so catalog forms have something to point at; a real
 * installation replaces or syncs them.
 */
const SEED = [
  {
    id: "ci-email-service",
    name: "E-mail service",
    ci_class: "service",
    status: "operational",
    owner_group: "messaging",
  },
  {
    id: "ci-vpn-gateway",
    name: "VPN gateway (vpn-gw-01)",
    ci_class: "network-device",
    status: "operational",
    owner_group: "network",
  },
  {
    id: "ci-erp-prod",
    name: "ERP production (erp-prd-db01)",
    ci_class: "server",
    status: "operational",
    owner_group: "erp-support",
  },
  {
    id: "ci-hr-portal",
    name: "HR self-service portal",
    ci_class: "application",
    status: "operational",
    owner_group: "applications",
  },
  {
    id: "ci-laptop-0042",
    name: "Laptop LT-0042 (ThinkPad T14)",
    ci_class: "laptop",
    status: "in-use",
    owner_group: "service-desk",
  },
  {
    id: "ci-printer-3f",
    name: "Printer 3rd floor (PRN-3F-01)",
    ci_class: "printer",
    status: "operational",
    owner_group: "service-desk",
  },
  {
    id: "ci-wifi-hq",
    name: "Wi-Fi headquarters",
    ci_class: "network",
    status: "degraded",
    owner_group: "network",
  },
  {
    id: "ci-file-share",
    name: "File share (fs-01)",
    ci_class: "server",
    status: "operational",
    owner_group: "infrastructure",
  },
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("configuration_items", (table) => {
    table.string("id", 200).primary();
    table.string("name", 300).notNullable();
    table.string("ci_class", 60).notNullable();
    table.string("status", 40).notNullable();
    table.string("owner_group", 200);
  });
  await knex("configuration_items").insert(SEED);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("configuration_items");
}
