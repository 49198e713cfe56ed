// Runs scenarios with bounded concurrency and reports each one; used by the CLI and by the
// bridge's Vitest project.
import type { Scenario, ScenarioContext } from "./scenarios/scenario.ts";

export interface ScenarioReport {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export async function runScenarios(
  context: ScenarioContext,
  list: Scenario[],
  options: { concurrency?: number; onResult?: (report: ScenarioReport) => void } = {},
): Promise<ScenarioReport[]> {
  const reports: ScenarioReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const scenario = list[next++] as Scenario;
      const started = performance.now();
      let report: ScenarioReport;
      try {
        await scenario.run(context);
        report = { name: scenario.name, ok: true, ms: performance.now() - started };
      } catch (error) {
        report = {
          name: scenario.name,
          ok: false,
          ms: performance.now() - started,
          error: (error as Error).message,
        };
      }
      reports.push(report);
      options.onResult?.(report);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return reports;
}
