# Shared helpers: find the pod spec and containers of any workload kind Croupier deploys.
package lib.croupier.workloads

templated_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Rollout"}

long_running_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Rollout"}

pod_spec(obj) := obj.spec if obj.kind == "Pod"

pod_spec(obj) := obj.spec.template.spec if obj.kind in templated_kinds

pod_spec(obj) := obj.spec.jobTemplate.spec.template.spec if obj.kind == "CronJob"

pod_labels(obj) := object.get(obj, ["metadata", "labels"], {}) if obj.kind == "Pod"

pod_labels(obj) := object.get(obj, ["spec", "template", "metadata", "labels"], {}) if obj.kind in templated_kinds

pod_labels(obj) := object.get(obj, ["spec", "jobTemplate", "spec", "template", "metadata", "labels"], {}) if obj.kind == "CronJob"

has_pod_spec(obj) if pod_spec(obj)

# Application containers only.
containers(obj) := object.get(pod_spec(obj), "containers", [])

# Every container that runs: init, application and ephemeral.
all_containers(obj) := array.concat(
	array.concat(object.get(pod_spec(obj), "initContainers", []), containers(obj)),
	object.get(pod_spec(obj), "ephemeralContainers", []),
)

# Pods meant to run to completion (Jobs, `helm test` pods) have no liveness to probe.
run_to_completion(obj) if object.get(obj, ["spec", "restartPolicy"], "Always") in {"Never", "OnFailure"}

run_to_completion(obj) if {
	some ref in object.get(obj, ["metadata", "ownerReferences"], [])
	ref.kind == "Job"
}

long_running(obj) if obj.kind in long_running_kinds

long_running(obj) if {
	obj.kind == "Pod"
	not run_to_completion(obj)
}

describe(obj) := sprintf("%s %s/%s", [obj.kind, object.get(obj, ["metadata", "namespace"], ""), obj.metadata.name])
