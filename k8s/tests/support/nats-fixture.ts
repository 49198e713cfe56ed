import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { K8sObject } from "./render.ts";

/** A throwaway self-signed certificate, so that `nats-server -t` can load the TLS blocks. */
export function writeTestCertificate(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const result = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=croupier-test",
    ].concat(["-keyout", join(dir, "tls.key"), "-out", join(dir, "tls.crt")]),
    { encoding: "utf8" },
  );
  if (result.status !== 0)
    throw new Error(`openssl is needed to create a test certificate: ${result.stderr ?? result.error}`);
  spawnSync("cp", [join(dir, "tls.crt"), join(dir, "trust-bundle.pem")]);
}

/**
 * Writes a rendered regional nats.conf with its mounted files (cluster credentials from the
 * ExternalSecret template, leaf TLS) redirected into `dir`, ready for `nats-server -t`.
 */
export function writeRegionalConfig(objects: K8sObject[], dir: string): string {
  const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === "nats-config")?.data[
    "nats.conf"
  ] as string;
  const auth = objects.find((o) => o.kind === "ExternalSecret" && o.metadata.name === "nats-auth");
  if (!auth) throw new Error("the nats-auth ExternalSecret is not rendered");
  const clusterConf = (auth.spec.target.template.data["cluster.conf"] as string).replaceAll(
    /\{\{[^}]+\}\}/g,
    "test-route-password",
  );
  mkdirSync(join(dir, "auth"), { recursive: true });
  writeFileSync(join(dir, "auth", "cluster.conf"), clusterConf);
  writeTestCertificate(join(dir, "leaf-tls"));
  // Same layout as the pod: config in config/, credentials in auth/ (included relatively).
  mkdirSync(join(dir, "config"), { recursive: true });
  const file = join(dir, "config", "nats.conf");
  writeFileSync(
    file,
    config
      .replaceAll("/etc/nats/leaf-tls", join(dir, "leaf-tls"))
      .replaceAll("/data/jetstream", join(dir, "jetstream"))
      .replaceAll("/var/run/nats", dir),
  );
  return file;
}

export const natsTestEnv = {
  POD_NAME: "nats-0",
  NATS_SYS_PASSWORD: "test-sys",
  NATS_APP_PASSWORD: "test-app",
  NATS_XREGION_PASSWORD: "test-xregion",
  HUB_SYS_PASSWORD: "test-hub-sys",
};
