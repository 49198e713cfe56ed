{{- define "policies.labels" -}}
app.kubernetes.io/part-of: croupier
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
croupier.io/region: {{ .Values.region | quote }}
croupier.io/jurisdiction: {{ .Values.jurisdiction | quote }}
{{- end -}}

{{/* The policies: template name, constraint kind, Rego file, parameter schema, parameters, kinds. */}}
{{- define "policies.catalog" -}}
{{- $workloads := list (dict "apiGroups" (list "") "kinds" (list "Pod")) (dict "apiGroups" (list "apps") "kinds" (list "Deployment" "StatefulSet" "DaemonSet" "ReplicaSet")) (dict "apiGroups" (list "batch") "kinds" (list "Job" "CronJob")) (dict "apiGroups" (list "argoproj.io") "kinds" (list "Rollout")) -}}
{{- $stringList := dict "type" "array" "items" (dict "type" "string") -}}
{{- $catalog := list
  (dict "name" "croupierrequiredprobes" "kind" "CroupierRequiredProbes" "file" "probes.rego"
        "description" "Long-running containers declare startup, liveness and readiness probes."
        "schema" (dict "probes" $stringList) "parameters" (dict "probes" .Values.requiredProbes) "match" $workloads)
  (dict "name" "croupiercontainerresources" "kind" "CroupierContainerResources" "file" "resources.rego"
        "description" "Every container states CPU and memory requests and limits."
        "schema" (dict "required" $stringList) "parameters" (dict "required" .Values.requiredResources) "match" $workloads)
  (dict "name" "croupierrequiredlabels" "kind" "CroupierRequiredLabels" "file" "labels.rego"
        "description" "Objects and their pods carry ownership, region and jurisdiction labels."
        "schema" (dict "labels" $stringList) "parameters" (dict "labels" .Values.requiredLabels)
        "match" (append $workloads (dict "apiGroups" (list "") "kinds" (list "Namespace" "Service"))))
  (dict "name" "croupierallowedimages" "kind" "CroupierAllowedImages" "file" "images.rego"
        "description" "Images come from allowed registries and are pinned by sha256 digest."
        "schema" (dict "registries" $stringList) "parameters" (dict "registries" .Values.allowedRegistries) "match" $workloads)
  (dict "name" "croupierreadonlyrootfs" "kind" "CroupierReadOnlyRootFs" "file" "readonly_rootfs.rego"
        "description" "Containers run with a read-only root filesystem."
        "schema" dict "parameters" dict "match" $workloads)
  (dict "name" "croupiernonroot" "kind" "CroupierNonRoot" "file" "nonroot.rego"
        "description" "Containers run as non-root, without privilege escalation or capabilities, under a RuntimeDefault seccomp profile."
        "schema" dict "parameters" dict "match" $workloads)
  (dict "name" "croupiernoinlinesecrets" "kind" "CroupierNoInlineSecrets" "file" "no_inline_secrets.rego"
        "description" "Secret data comes only from ExternalSecrets (or the database operator), never from manifests."
        "schema" (dict "allowedOwnerKinds" $stringList "allowedTypes" $stringList) "parameters" (dict "allowedOwnerKinds" .Values.secrets.allowedOwnerKinds "allowedTypes" .Values.secrets.allowedTypes)
        "match" (list (dict "apiGroups" (list "") "kinds" (list "Secret"))))
-}}
{{- toJson $catalog -}}
{{- end -}}
