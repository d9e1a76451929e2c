import type { Knex } from "knex";

/**
 * Business services, the configuration items "affected service" lookups offer
 * (LookupSource "services"). Kept apart from 0011 so databases that already ran it get them too.
 */
const SERVICES = [
  {
    id: "svc-service-desk",
    name: "IT service desk",
    ci_class: "service",
    status: "operational",
    owner_group: "service-desk",
  },
  {
    id: "svc-identity",
    name: "Identity and single sign-on",
    ci_class: "service",
    status: "operational",
    owner_group: "identity",
  },
  {
    id: "svc-network",
    name: "Network connectivity",
    ci_class: "service",
    status: "operational",
    owner_group: "network",
  },
  {
    id: "svc-erp-finance",
    name: "ERP finance",
    ci_class: "service",
    status: "operational",
    owner_group: "erp-support",
  },
  {
    id: "svc-collaboration",
    name: "Chat and video meetings",
    ci_class: "service",
    status: "operational",
    owner_group: "messaging",
  },
  {
    id: "svc-device-management",
    name: "Laptop and device management",
    ci_class: "service",
    status: "operational",
    owner_group: "service-desk",
  },
  {
    id: "svc-printing",
    name: "Printing",
    ci_class: "service",
    status: "degraded",
    owner_group: "service-desk",
  },
];

export async function up(knex: Knex): Promise<void> {
  await knex("configuration_items").insert(SERVICES);
}

export async function down(knex: Knex): Promise<void> {
  await knex("configuration_items")
    .whereIn(
      "id",
      SERVICES.map((service) => service.id),
    )
    .delete();
}
