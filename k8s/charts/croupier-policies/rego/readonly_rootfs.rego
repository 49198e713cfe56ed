# Containers run with a read-only root filesystem; scratch space is an explicit emptyDir.
package croupierreadonlyrootfs

import data.lib.croupier.workloads

violation contains {"msg": msg} if {
	obj := input.review.object
	workloads.has_pod_spec(obj)
	some container in workloads.all_containers(obj)
	not object.get(container, ["securityContext", "readOnlyRootFilesystem"], false) == true
	msg := sprintf("%s: container %q must set securityContext.readOnlyRootFilesystem: true", [workloads.describe(obj), container.name])
}
