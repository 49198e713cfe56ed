# Long-running containers declare the probes the platform relies on (startup, liveness, readiness).
package croupierrequiredprobes

import data.lib.croupier.workloads

violation contains {"msg": msg} if {
	obj := input.review.object
	workloads.long_running(obj)
	some container in workloads.containers(obj)
	some probe in input.parameters.probes
	not container[probe]
	msg := sprintf("%s: container %q has no %s", [workloads.describe(obj), container.name, probe])
}
