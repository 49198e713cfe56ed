# Images come from the allowed registries and are pinned by digest: a tag can move, a digest cannot.
package croupierallowedimages

import data.lib.croupier.workloads

digest_pattern := `@sha256:[a-f0-9]{64}$`

allowed(image) if {
	some prefix in input.parameters.registries
	startswith(image, prefix)
}

violation contains {"msg": msg} if {
	obj := input.review.object
	workloads.has_pod_spec(obj)
	some container in workloads.all_containers(obj)
	not allowed(container.image)
	msg := sprintf("%s: container %q uses %q, which is not from an allowed registry %v", [workloads.describe(obj), container.name, container.image, input.parameters.registries])
}

violation contains {"msg": msg} if {
	obj := input.review.object
	workloads.has_pod_spec(obj)
	some container in workloads.all_containers(obj)
	not regex.match(digest_pattern, container.image)
	msg := sprintf("%s: container %q image %q is not pinned by sha256 digest", [workloads.describe(obj), container.name, container.image])
}
