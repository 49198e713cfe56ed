// OpenTelemetry tracing, off unless an OTLP endpoint is configured. Spans are parented
// explicitly from the request's traceparent, so no async context manager is needed and the
// same code runs on Node and Deno.
import { ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, type Tracer, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { TraceContext } from "./trace-context.ts";

export interface Tracing {
  /** Starts a server span under the remote parent; undefined when tracing is off. */
  startSpan(
    name: string,
    parent: TraceContext | undefined,
    attributes?: Record<string, string | number>,
  ): Span | undefined;
  end(span: Span | undefined, status: number): void;
  shutdown(): Promise<void>;
}

export const tracingOff: Tracing = {
  startSpan: () => undefined,
  end: () => {},
  shutdown: async () => {},
};

export function initTracing(options: { service: string; otlpEndpoint: string | undefined }): Tracing {
  if (!options.otlpEndpoint) return tracingOff;
  const exporter = new OTLPTraceExporter({ url: new URL("/v1/traces", options.otlpEndpoint).toString() });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.service }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  trace.setGlobalTracerProvider(provider);
  const tracer: Tracer = provider.getTracer(options.service);
  return {
    startSpan(name, parent, attributes) {
      const context = parent
        ? trace.setSpanContext(ROOT_CONTEXT, {
            traceId: parent.traceId,
            spanId: parent.spanId,
            traceFlags: Number.parseInt(parent.flags, 16),
            isRemote: true,
          })
        : ROOT_CONTEXT;
      return tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, context);
    },
    end(span, status) {
      if (!span) return;
      span.setAttribute("http.response.status_code", status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
    shutdown: () => provider.shutdown(),
  };
}
