{{- define "foundation.namespace" -}}
{{- printf "%s-%s" .root.Values.namespacePrefix .domain -}}
{{- end -}}

{{- define "foundation.labels" -}}
app.kubernetes.io/part-of: croupier
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
croupier.io/region: {{ .Values.region | quote }}
croupier.io/jurisdiction: {{ .Values.jurisdiction | quote }}
croupier.io/data-residency: {{ .Values.residency.dataRegion | quote }}
{{- end -}}

{{- define "foundation.componentLabels" -}}
{{ include "foundation.labels" .root }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Every namespace this chart creates, as domain names. */}}
{{- define "foundation.allDomains" -}}
{{- $all := concat .Values.domains (list .Values.platform.data .Values.platform.messaging) -}}
{{- toJson $all -}}
{{- end -}}

{{- define "foundation.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{- define "foundation.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities: { drop: [ALL] }
seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{/* Selector for pods of any Croupier namespace. */}}
{{- define "foundation.croupierNamespaces" -}}
namespaceSelector:
  matchLabels:
    app.kubernetes.io/part-of: croupier
    croupier.io/region: {{ .Values.region | quote }}
{{- end -}}
