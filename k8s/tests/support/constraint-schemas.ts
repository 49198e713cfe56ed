import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { K8sObject } from "./render.ts";

/**
 * Gatekeeper creates one CRD per ConstraintTemplate at run time, so no catalog has their schemas.
 * Build them from each template's own parameter schema, in kubeconform's
 * `<group>/<kind>_<version>.json` layout, so constraints are validated as strictly as the rest.
 */
export function writeConstraintSchemas(templates: K8sObject[], dir: string): number {
  const groupDir = join(dir, "constraints.gatekeeper.sh");
  mkdirSync(groupDir, { recursive: true });
  for (const template of templates) {
    const names = template.spec.crd.spec.names;
    const parameters = { ...template.spec.crd.spec.validation.openAPIV3Schema, additionalProperties: false };
    const selector = { type: "object" };
    const schema = {
      type: "object",
      required: ["apiVersion", "kind", "metadata", "spec"],
      properties: {
        apiVersion: { enum: ["constraints.gatekeeper.sh/v1beta1"] },
        kind: { enum: [names.kind] },
        metadata: { type: "object" },
        spec: {
          type: "object",
          additionalProperties: false,
          properties: {
            enforcementAction: { enum: ["deny", "dryrun", "warn", "scoped"] },
            match: {
              type: "object",
              additionalProperties: false,
              properties: {
                kinds: {
                  type: "array",
                  items: {
                    type: "object",
                    additionalProperties: false,
                    properties: {
                      apiGroups: { type: "array", items: { type: "string" } },
                      kinds: { type: "array", items: { type: "string" } },
                    },
                  },
                },
                namespaces: { type: "array", items: { type: "string" } },
                excludedNamespaces: { type: "array", items: { type: "string" } },
                scope: { enum: ["*", "Cluster", "Namespaced"] },
                name: { type: "string" },
                labelSelector: selector,
                namespaceSelector: selector,
              },
            },
            parameters,
          },
        },
      },
    };
    writeFileSync(
      join(groupDir, `${names.kind.toLowerCase()}_v1beta1.json`),
      JSON.stringify(schema, null, 2),
    );
  }
  return templates.length;
}
