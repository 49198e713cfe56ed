# The restricted profile, checked before admission: non-root, no privilege escalation, no
# capabilities, a RuntimeDefault (or Localhost) seccomp profile, never privileged.
package croupiernonroot

import data.lib.croupier.workloads

# A container setting overrides the pod setting; null when neither sets it.
effective(container, spec, field) := object.get(
	container,
	["securityContext", field],
	object.get(spec, ["securityContext", field], null),
)

seccomp_type(container, spec) := object.get(profile, "type", "") if {
	profile := effective(container, spec, "seccompProfile")
	is_object(profile)
}

seccomp_type(container, spec) := "" if not is_object(effective(container, spec, "seccompProfile"))

violation contains {"msg": msg} if {
	some container, spec in checked
	effective(container, spec, "runAsNonRoot") != true
	msg := sprintf("%s: container %q must run with runAsNonRoot: true", [describe, container.name])
}

violation contains {"msg": msg} if {
	some container, spec in checked
	effective(container, spec, "runAsUser") == 0
	msg := sprintf("%s: container %q runs as UID 0", [describe, container.name])
}

violation contains {"msg": msg} if {
	some container, _ in checked
	not object.get(container, ["securityContext", "allowPrivilegeEscalation"], true) == false
	msg := sprintf("%s: container %q must set allowPrivilegeEscalation: false", [describe, container.name])
}

violation contains {"msg": msg} if {
	some container, _ in checked
	object.get(container, ["securityContext", "privileged"], false) == true
	msg := sprintf("%s: container %q must not be privileged", [describe, container.name])
}

violation contains {"msg": msg} if {
	some container, _ in checked
	not "ALL" in object.get(container, ["securityContext", "capabilities", "drop"], [])
	msg := sprintf("%s: container %q must drop ALL capabilities", [describe, container.name])
}

violation contains {"msg": msg} if {
	some container, _ in checked
	count(object.get(container, ["securityContext", "capabilities", "add"], [])) > 0
	msg := sprintf("%s: container %q must not add capabilities", [describe, container.name])
}

violation contains {"msg": msg} if {
	some container, spec in checked
	not seccomp_type(container, spec) in {"RuntimeDefault", "Localhost"}
	msg := sprintf("%s: container %q needs a RuntimeDefault or Localhost seccomp profile", [describe, container.name])
}

# container -> pod spec, for the object under review.
checked[container] := spec if {
	obj := input.review.object
	workloads.has_pod_spec(obj)
	spec := workloads.pod_spec(obj)
	some container in workloads.all_containers(obj)
}

describe := workloads.describe(input.review.object)
