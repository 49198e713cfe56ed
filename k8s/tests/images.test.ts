import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseObjects, renderText } from "./support/render.ts";
import { repoRoot } from "./support/tools.ts";

// The Dockerfile lint: dockerfile-utils' validator (syntax, arguments, deprecated and duplicate
// instructions) plus the image rules of this platform, checked on the parsed instructions.

const dockerDir = join(repoRoot, "infra", "docker");
const dockerfiles = readdirSync(dockerDir).filter((f) => f.endsWith(".Dockerfile"));
const digestPinned = /^[a-z0-9.-]+(\/[a-z0-9._-]+)+(:[\w.-]+)?@sha256:[a-f0-9]{64}$/;

function lint(name: string) {
  const content = readFileSync(join(dockerDir, name), "utf8");
  const dockerfile = DockerfileParser.parse(content);
  const args = new Map(
    dockerfile.getInitialARGs().map((a) => [a.getProperty()?.getName(), a.getProperty()?.getValue()]),
  );
  const resolve = (image: string) =>
    image.replace(/^\$\{(\w+)\}$/, (_, arg: string) => args.get(arg) ?? image);
  const froms = dockerfile.getFROMs();
  const instructions = dockerfile.getInstructions();
  const lastFrom = instructions.lastIndexOf(froms.at(-1) as (typeof instructions)[number]);
  const finalStage = instructions.slice(lastFrom + 1);
  const keyword = (k: string) => (i: (typeof instructions)[number]) => i.getKeyword() === k;
  return { content, froms, instructions, finalStage, resolve, keyword };
}

describe("service Dockerfiles", () => {
  it("exist for every service the core chart deploys, and for reporting", () => {
    const values = parse(readFileSync(join(repoRoot, "k8s/charts/croupier/values.yaml"), "utf8"));
    const enabled = Object.entries(values.services as Record<string, { enabled: boolean }>)
      .filter(([, s]) => s.enabled)
      .map(([name]) => name);
    for (const name of [...enabled, "reporting"]) expect(dockerfiles).toContain(`${name}.Dockerfile`);
  });

  it.each(dockerfiles)("%s passes the Dockerfile validator", (name) => {
    const diagnostics = validate(readFileSync(join(dockerDir, name), "utf8"), {
      deprecatedMaintainer: 2,
      directiveCasing: 2,
      emptyContinuationLine: 2,
      instructionCasing: 2,
      instructionCmdMultiple: 2,
      instructionEntrypointMultiple: 2,
      instructionHealthcheckMultiple: 2,
      instructionJSONInSingleQuotes: 2,
      instructionWorkdirRelative: 2,
    });
    expect(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it.each(dockerfiles)(
    "%s is multi-stage with every base pinned by digest and a distroless runtime",
    (name) => {
      const { froms, resolve } = lint(name);
      expect(froms.length).toBeGreaterThanOrEqual(2);
      for (const from of froms) expect(resolve(from.getImage() ?? "")).toMatch(digestPinned);
      expect(resolve(froms.at(-1)?.getImage() ?? "")).toMatch(
        /^gcr\.io\/distroless\/nodejs24-debian\d+:nonroot@/,
      );
    },
  );

  it.each(dockerfiles)("%s runs as a numeric non-root user with exec-form ENTRYPOINT and CMD", (name) => {
    const { finalStage, keyword } = lint(name);
    const user = finalStage.filter(keyword("USER")).at(-1)?.getArgumentsContent() ?? "";
    expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    const entrypoint = finalStage.filter(keyword("ENTRYPOINT"));
    const cmd = finalStage.filter(keyword("CMD"));
    expect(entrypoint).toHaveLength(1);
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(entrypoint[0]?.getArgumentsContent() ?? "")).toEqual(["/nodejs/bin/node"]);
    const service = name.replace(".Dockerfile", "");
    expect(JSON.parse(cmd[0]?.getArgumentsContent() ?? "")).toEqual([`services/${service}/src/main.node.ts`]);
    // Distroless has no shell: the final stage only copies and configures.
    expect(finalStage.filter(keyword("RUN"))).toEqual([]);
  });

  it.each(dockerfiles)(
    "%s installs from the lock file, without dev dependencies or install scripts",
    (name) => {
      const { instructions, keyword } = lint(name);
      const runs = instructions.filter(keyword("RUN")).map((r) => r.getArgumentsContent() ?? "");
      const install = runs.find((r) => r.includes("npm ci"));
      expect(install).toMatch(/npm ci --omit=dev --ignore-scripts --workspace services\/[a-z-]+/);
      expect(runs.join("\n")).not.toMatch(/npm (install|i)\b|yarn|curl|wget|sudo/);
      const copiesLock = instructions.findIndex(
        (i) => i.getKeyword() === "COPY" && i.getArgumentsContent()?.includes("package-lock.json"),
      );
      const runsCi = instructions.findIndex(
        (i) => i.getKeyword() === "RUN" && i.getArgumentsContent()?.includes("npm ci"),
      );
      expect(copiesLock).toBeGreaterThanOrEqual(0);
      expect(copiesLock).toBeLessThan(runsCi);
      expect(instructions.filter(keyword("ADD"))).toEqual([]);
      for (const env of instructions.filter(keyword("ENV"))) {
        expect(env.getArgumentsContent()).not.toMatch(/SECRET|PASSWORD|TOKEN|_KEY/);
      }
    },
  );

  it.each(dockerfiles)("%s has a deny-by-default .dockerignore next to it", (name) => {
    const ignore = join(dockerDir, `${name}.dockerignore`);
    expect(existsSync(ignore)).toBe(true);
    const lines = readFileSync(ignore, "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(lines[0]).toBe("**");
    expect(lines).toContain("**/node_modules");
    expect(lines).toContain("!package-lock.json");
  });

  it("expose the port the chart gives each service", () => {
    const values = parse(readFileSync(join(repoRoot, "k8s/charts/croupier/values.yaml"), "utf8"));
    for (const [name, service] of Object.entries(values.services as Record<string, { port: number }>)) {
      const file = join(dockerDir, `${name}.Dockerfile`);
      if (!existsSync(file)) continue;
      expect(readFileSync(file, "utf8")).toContain(`EXPOSE ${service.port}\n`);
    }
  });

  it("agree with the chart on the runtime user the pods enforce", () => {
    const rollout = parseObjects(renderText("helm3", "croupier", "eu")).find((o) => o.kind === "Rollout");
    const uid = rollout?.spec.template.spec.securityContext.runAsUser;
    for (const name of dockerfiles) {
      expect(readFileSync(join(dockerDir, name), "utf8")).toContain(`USER ${uid}:${uid}\n`);
    }
  });
});

describe("infra/compose.yaml", () => {
  const compose = parse(readFileSync(join(repoRoot, "infra/compose.yaml"), "utf8"), { uniqueKeys: true });
  const services = compose.services as Record<
    string,
    { image: string; ports?: string[]; volumes?: string[] }
  >;

  it("runs PostgreSQL 18, NATS with JetStream, an S3-compatible store and a KMS emulator", () => {
    expect(Object.keys(services).sort()).toEqual(["kms", "nats", "postgres", "s3"]);
    expect(services.postgres?.image).toMatch(/\/postgres:18[.\d]*@/);
    expect((services.nats as unknown as { command: string[] }).command).toContain("--jetstream");
    expect(services.s3?.image).toMatch(/versitygw/);
    expect(services.kms?.image).toMatch(/local-kms/);
  });

  it("pins every image by digest and listens on loopback only", () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.image, name).toMatch(digestPinned);
      for (const port of service.ports ?? []) expect(port, name).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it("mounts only declared volumes and files that exist", () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0] ?? "";
        if (source.startsWith("./")) expect(existsSync(join(repoRoot, "infra", source))).toBe(true);
        else expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
  });
});
