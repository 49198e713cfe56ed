# Objects, and the pods their workloads create, carry the ownership, region and jurisdiction labels.
package croupierrequiredlabels

import data.lib.croupier.workloads

violation contains {"msg": msg} if {
	obj := input.review.object
	labels := object.get(obj, ["metadata", "labels"], {})
	some key in input.parameters.labels
	not labels[key]
	msg := sprintf("%s: label %q is missing", [workloads.describe(obj), key])
}

violation contains {"msg": msg} if {
	obj := input.review.object
	obj.kind != "Pod"
	workloads.has_pod_spec(obj)
	labels := workloads.pod_labels(obj)
	some key in input.parameters.labels
	not labels[key]
	msg := sprintf("%s: pod template label %q is missing", [workloads.describe(obj), key])
}
