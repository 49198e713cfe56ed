# Every container (init and ephemeral too) states its requests and limits.
package croupiercontainerresources

import data.lib.croupier.workloads

violation contains {"msg": msg} if {
	obj := input.review.object
	workloads.has_pod_spec(obj)
	some container in workloads.all_containers(obj)
	some field in input.parameters.required
	path := split(field, ".")
	object.get(object.get(container, "resources", {}), path, null) == null
	msg := sprintf("%s: container %q has no resources.%s", [workloads.describe(obj), container.name, field])
}
