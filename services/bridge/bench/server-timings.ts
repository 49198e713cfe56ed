// Mean server-side time per route from each service's Prometheus histogram, to split the
// end-to-end latency between the bridge and the ledger.
export async function meanRouteTimes(baseUrl: string, routes: string[]): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const route of routes) {
    let sum = 0;
    let count = 0;
    for (const line of text.split("\n")) {
      if (!line.includes(`route="${route}"`)) continue;
      const value = Number(line.slice(line.lastIndexOf(" ") + 1));
      if (line.startsWith("http_request_duration_seconds_sum")) sum += value;
      if (line.startsWith("http_request_duration_seconds_count")) count += value;
    }
    if (count > 0) out[route] = Number(((sum / count) * 1000).toFixed(2));
  }
  return out;
}
