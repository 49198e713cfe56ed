// A migration that has shipped can never change: the migrator refuses to start a database whose
// applied migration no longer matches its file (even for an edited comment). Each service keeps
// the SHA-256 of every migration in migrations/checksums.sha256 (`sha256sum` format), so an edit
// fails here, in the test run, instead of at an operator's next deployment.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@croupier/devstack/paths";
import { describe, expect, it } from "vitest";

const MIGRATION = /^\d{4}_[a-z0-9_]+\.sql$/;
const servicesDir = join(repoRoot, "services");
const migrationDirs = readdirSync(servicesDir)
  .map((service) => join(servicesDir, service, "migrations"))
  .filter((dir) => existsSync(dir));

describe("released migrations", () => {
  it("finds the services' migrations", () => {
    expect(migrationDirs.length).toBeGreaterThan(0);
  });

  for (const dir of migrationDirs) {
    it(`${dir.slice(repoRoot.length + 1)} matches its checksums.sha256`, () => {
      const manifest = join(dir, "checksums.sha256");
      const recorded = new Map(
        (existsSync(manifest) ? readFileSync(manifest, "utf8") : "")
          .split("\n")
          .filter(Boolean)
          .map((line) => {
            const [hash, file] = line.split(/\s+\*?/);
            return [file ?? "", hash ?? ""] as const;
          }),
      );
      for (const file of readdirSync(dir).filter((f) => MIGRATION.test(f))) {
        const actual = createHash("sha256")
          .update(readFileSync(join(dir, file)))
          .digest("hex");
        const expected = recorded.get(file);
        expect(
          expected,
          `${file} is not in ${manifest}; once it is final, record it: (cd ${dir} && sha256sum ${file} >> checksums.sha256)`,
        ).toBeDefined();
        expect(
          actual,
          `${file} changed after it was recorded; databases that applied it would refuse to start. Restore it and add a new migration instead.`,
        ).toBe(expected);
        recorded.delete(file);
      }
      expect([...recorded.keys()], "checksums.sha256 lists migrations that no longer exist").toEqual([]);
    });
  }
});
