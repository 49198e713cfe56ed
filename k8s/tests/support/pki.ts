import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function openssl(args: string[]): void {
  const result = spawnSync("openssl", args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr ?? result.error}`);
}

/** A test CA that signs certificates, laid out as the pods mount them (tls.crt, tls.key, trust-bundle.pem). */
export function createTestPki(dir: string) {
  mkdirSync(dir, { recursive: true });
  const caKey = join(dir, "ca.key");
  const caCert = join(dir, "ca.crt");
  openssl(
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1"].concat([
      "-subj",
      "/CN=croupier-test-root",
      "-keyout",
      caKey,
      "-out",
      caCert,
    ]),
  );
  return {
    /** Issues a certificate for `commonName` (and `dnsNames`) into `<dir>/<name>/`. */
    issue(name: string, commonName: string, dnsNames: string[] = []): string {
      const out = join(dir, name);
      mkdirSync(out, { recursive: true });
      const key = join(out, "tls.key");
      const csr = join(out, "tls.csr");
      openssl([
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-subj",
        `/CN=${commonName}`,
        "-keyout",
        key,
        "-out",
        csr,
      ]);
      const ext = join(out, "ext.cnf");
      const san = [
        ...dnsNames.map((d) => `DNS:${d}`),
        ...(dnsNames.includes("localhost") ? ["IP:127.0.0.1"] : []),
      ];
      writeFileSync(
        ext,
        `extendedKeyUsage=serverAuth,clientAuth\n${san.length ? `subjectAltName=${san.join(",")}\n` : ""}`,
      );
      openssl([
        "x509",
        "-req",
        "-in",
        csr,
        "-CA",
        caCert,
        "-CAkey",
        caKey,
        "-CAcreateserial",
        "-days",
        "1",
        "-out",
        join(out, "tls.crt"),
        "-extfile",
        ext,
      ]);
      copyFileSync(caCert, join(out, "trust-bundle.pem"));
      return out;
    },
  };
}
