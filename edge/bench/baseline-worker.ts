// The benchmark's baseline: a Worker that forwards the same request to the same origin and does
// nothing else. What the edge costs beyond this is what the edge adds.
type Env = { ORIGIN: { fetch(request: Request): Promise<Response> } };

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    return env.ORIGIN.fetch(new Request(`https://eu.origin.bench${url.pathname}${url.search}`, request));
  },
};
