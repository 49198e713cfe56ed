{{/* Namespace of a domain: <prefix>-<domain>. */}}
{{- define "croupier.namespace" -}}
{{- printf "%s-%s" .root.Values.namespacePrefix .domain -}}
{{- end -}}

{{/* Labels every object carries: ownership plus the region and jurisdiction it belongs to. */}}
{{- define "croupier.commonLabels" -}}
app.kubernetes.io/part-of: croupier
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
croupier.io/region: {{ .Values.region | quote }}
croupier.io/jurisdiction: {{ .Values.jurisdiction | quote }}
croupier.io/data-residency: {{ .Values.residency.dataRegion | quote }}
{{- end -}}

{{/* Selector labels of one component. */}}
{{- define "croupier.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Full label set of one component. */}}
{{- define "croupier.labels" -}}
{{ include "croupier.commonLabels" .root }}
{{ include "croupier.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .component | default "service" }}
{{- end -}}

{{/* Image reference by digest; a missing digest is a render error, never a floating tag. */}}
{{- define "croupier.image" -}}
{{- $img := index .root.Values.images .image | default dict -}}
{{- if not $img.digest -}}
{{- fail (printf "images.%s.digest is required (images are pinned by digest)" .image) -}}
{{- end -}}
{{- printf "%s/%s@%s" .root.Values.image.registry $img.repository $img.digest -}}
{{- end -}}

{{/* In-cluster URL of a service. */}}
{{- define "croupier.serviceUrl" -}}
{{- $svc := index .root.Values.services .name -}}
{{- printf "http://%s.%s.svc.%s:%v" .name (include "croupier.namespace" (dict "root" .root "domain" $svc.domain)) .root.Values.clusterDomain $svc.port -}}
{{- end -}}

{{/* LEDGER_URL style variable name of a service. */}}
{{- define "croupier.urlEnvName" -}}
{{- printf "%s_URL" (. | upper | replace "-" "_") -}}
{{- end -}}

{{/* Name of the Secret that ExternalSecrets materialises for a component. */}}
{{- define "croupier.secretName" -}}
{{- printf "%s-env" . -}}
{{- end -}}

{{/* Secret manager key of one value: <prefix>/<component>/<key in kebab case>. */}}
{{- define "croupier.secretKey" -}}
{{- printf "%s/%s/%s" .root.Values.externalSecrets.keyPrefix .component (.key | lower | replace "_" "-") -}}
{{- end -}}

{{/* Pod-level security context (restricted Pod Security profile). */}}
{{- define "croupier.podSecurityContext" -}}
{{ toYaml .Values.defaults.podSecurityContext }}
{{- end -}}

{{/* Container-level security context (restricted Pod Security profile). */}}
{{- define "croupier.containerSecurityContext" -}}
{{ toYaml .Values.defaults.containerSecurityContext }}
{{- end -}}

{{/* Environment shared by services, workers and jobs. */}}
{{- define "croupier.env" -}}
- name: REGION
  value: {{ .root.Values.region | quote }}
- name: LOG_LEVEL
  value: {{ .root.Values.logLevel | quote }}
- name: NODE_ENV
  value: production
{{- if .spec.port }}
- name: PORT
  value: {{ .spec.port | quote }}
{{- end }}
{{- if .spec.nats }}
- name: NATS_URL
  value: {{ .root.Values.nats.url | quote }}
{{- end }}
{{- if .root.Values.otel.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .root.Values.otel.endpoint | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ .name | quote }}
{{- end }}
{{- range $callee := .spec.calls | default list }}
- name: {{ include "croupier.urlEnvName" $callee }}
  value: {{ include "croupier.serviceUrl" (dict "root" $.root "name" $callee) | quote }}
{{- end }}
{{- if .spec.database }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "croupier.secretName" .name }}
      key: DATABASE_URL
{{- end }}
{{- range $key := .spec.secretEnv | default list }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ include "croupier.secretName" $.name }}
      key: {{ $key }}
{{- end }}
{{- range $k, $v := .spec.env | default dict }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{- end -}}

{{/* Pod labels that the foundation's NetworkPolicies key on (database and NATS access). */}}
{{- define "croupier.accessLabels" -}}
{{- if .spec.database }}
croupier.io/db-access: {{ .spec.database | quote }}
{{- end }}
{{- if .spec.nats }}
croupier.io/nats-client: "true"
{{- end }}
{{- end -}}

{{/* Writable scratch space; the root filesystem is read-only. */}}
{{- define "croupier.tmpVolume" -}}
- name: tmp
  emptyDir:
    medium: Memory
    sizeLimit: {{ .Values.defaults.tmpSizeLimit }}
{{- end -}}

{{- define "croupier.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* HTTP probes on the service contract's health endpoints. */}}
{{- define "croupier.probes" -}}
{{- $p := .root.Values.defaults.probes -}}
startupProbe:
  httpGet: { path: {{ $p.startup.path }}, port: http }
  periodSeconds: {{ $p.startup.periodSeconds }}
  failureThreshold: {{ $p.startup.failureThreshold }}
  timeoutSeconds: {{ $p.startup.timeoutSeconds }}
livenessProbe:
  httpGet: { path: {{ $p.liveness.path }}, port: http }
  periodSeconds: {{ $p.liveness.periodSeconds }}
  failureThreshold: {{ $p.liveness.failureThreshold }}
  timeoutSeconds: {{ $p.liveness.timeoutSeconds }}
readinessProbe:
  httpGet: { path: {{ $p.readiness.path }}, port: http }
  periodSeconds: {{ $p.readiness.periodSeconds }}
  failureThreshold: {{ $p.readiness.failureThreshold }}
  timeoutSeconds: {{ $p.readiness.timeoutSeconds }}
{{- end -}}

{{/* Spread replicas over zones (hard for money services) and nodes. */}}
{{- define "croupier.topologySpread" -}}
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: {{ if eq (.spec.tier | default "") "money" }}DoNotSchedule{{ else }}ScheduleAnyway{{ end }}
    labelSelector:
      matchLabels:
        {{- include "croupier.selectorLabels" (dict "root" .root "name" .name) | nindent 8 }}
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "croupier.selectorLabels" (dict "root" .root "name" .name) | nindent 8 }}
{{- end -}}

{{/* Pod template of an HTTP service (Deployment or Rollout). */}}
{{- define "croupier.servicePodTemplate" -}}
{{- $root := .root -}}
{{- $spec := .spec -}}
metadata:
  labels:
    {{- include "croupier.labels" (dict "root" $root "name" .name "component" "service") | nindent 4 }}
    croupier.io/tier: {{ $spec.tier | quote }}
    {{- include "croupier.accessLabels" . | trim | nindent 4 }}
spec:
  serviceAccountName: {{ .name }}
  automountServiceAccountToken: false
  priorityClassName: {{ $spec.priorityClassName }}
  terminationGracePeriodSeconds: {{ $root.Values.defaults.terminationGracePeriodSeconds }}
  enableServiceLinks: false
  securityContext:
    {{- include "croupier.podSecurityContext" $root | nindent 4 }}
  {{- include "croupier.topologySpread" . | nindent 2 }}
  containers:
    - name: {{ .name }}
      image: {{ include "croupier.image" (dict "root" $root "image" .name) }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      args: [{{ printf "services/%s/src/main.node.ts" .name | quote }}]
      ports:
        - name: http
          containerPort: {{ $spec.port }}
          protocol: TCP
      env:
        {{- include "croupier.env" . | nindent 8 }}
      {{- include "croupier.probes" . | nindent 6 }}
      lifecycle:
        preStop:
          sleep:
            seconds: {{ $root.Values.defaults.preStopSleepSeconds }}
      resources:
        {{- toYaml ($spec.resources | default $root.Values.defaults.resources) | nindent 8 }}
      securityContext:
        {{- include "croupier.containerSecurityContext" $root | nindent 8 }}
      volumeMounts:
        {{- include "croupier.tmpMount" $root | nindent 8 }}
  volumes:
    {{- include "croupier.tmpVolume" $root | nindent 4 }}
{{- end -}}
