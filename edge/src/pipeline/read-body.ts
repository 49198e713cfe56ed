import { problem } from "../http/problem.ts";
import type { Step } from "./context.ts";

const decoder = new TextDecoder("utf-8", { fatal: true });
const lenientDecoder = new TextDecoder("utf-8");

/**
 * Reads the body once (the WAF inspects it and the same text is forwarded), refusing oversize bodies
 * before buffering them. The API speaks JSON only: any other body is marked for `requireJson`.
 */
export const readBody: Step = async (edge) => {
  const { request, route } = edge;
  if (request.method === "GET" || request.method === "HEAD" || request.body === null) return undefined;

  const declared = edge.headers.get("content-length") ?? null;
  if (declared !== null && Number(declared) > route.maxBodyBytes)
    return tooLarge(edge.requestId, route.maxBodyBytes);

  // A valid declared length bounds what the runtime delivers, so such a body is read in one call (and
  // still checked); a body of unknown or malformed length is streamed and counted.
  const bytes =
    declared !== null && /^\d{1,15}$/.test(declared)
      ? new Uint8Array(await request.arrayBuffer())
      : await readAtMost(request.body, route.maxBodyBytes);
  if (bytes === null || bytes.length > route.maxBodyBytes)
    return tooLarge(edge.requestId, route.maxBodyBytes);
  if (bytes.length === 0) return undefined;

  const contentType = edge.headers.get("content-type");
  if (!contentType || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    // Refused after the WAF has judged it (requireJson): an attack sent as a form or XML body gets
    // the WAF's 403 with a reference, not a bare 415. It is never forwarded either way.
    edge.body = lenientDecoder.decode(bytes);
    edge.contentType = contentType ?? null;
    edge.unsupportedMediaType = true;
    return undefined;
  }
  try {
    edge.body = decoder.decode(bytes);
  } catch {
    return problem({
      type: "malformed-body",
      title: "Malformed body",
      status: 400,
      detail: "The body is not valid UTF-8.",
      instance: edge.requestId,
    });
  }
  edge.contentType = contentType;
  return undefined;
};

/** The stream's bytes, or null (after cancelling it) as soon as they exceed `limit`. */
export async function readAtMost(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(requestId: string, limit: number): Response {
  return problem({
    type: "payload-too-large",
    title: "Payload too large",
    status: 413,
    detail: `This route accepts bodies up to ${limit} bytes.`,
    instance: requestId,
  });
}

/** The API speaks JSON only: a body of another type, once the WAF has let it pass, is refused here. */
export const requireJson: Step = (edge) =>
  edge.unsupportedMediaType
    ? problem({
        type: "unsupported-media-type",
        title: "Unsupported media type",
        status: 415,
        detail: "Request bodies must be application/json.",
        instance: edge.requestId,
      })
    : undefined;
