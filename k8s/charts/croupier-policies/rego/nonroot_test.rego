package croupiernonroot_test

import data.croupier.fixtures
import data.croupiernonroot

patched(ops) := fixtures.deployment(json.patch(fixtures.secure_container, ops))

test_restricted_container_passes if {
	count(croupiernonroot.violation) == 0 with input as fixtures.review(fixtures.deployment(fixtures.secure_container), {})
}

test_pod_level_run_as_non_root_is_inherited if {
	obj := patched([{"op": "remove", "path": "/securityContext/runAsNonRoot"}])
	count(croupiernonroot.violation) == 0 with input as fixtures.review(obj, {})
}

test_container_override_to_root_is_reported if {
	obj := patched([
		{"op": "replace", "path": "/securityContext/runAsNonRoot", "value": false},
		{"op": "replace", "path": "/securityContext/runAsUser", "value": 0},
	])
	count(croupiernonroot.violation) == 2 with input as fixtures.review(obj, {})
}

test_privilege_escalation_is_reported if {
	obj := patched([{"op": "remove", "path": "/securityContext/allowPrivilegeEscalation"}])
	count(croupiernonroot.violation) == 1 with input as fixtures.review(obj, {})
}

test_added_capability_is_reported if {
	obj := patched([{"op": "add", "path": "/securityContext/capabilities/add", "value": ["NET_ADMIN"]}])
	count(croupiernonroot.violation) == 1 with input as fixtures.review(obj, {})
}

test_missing_drop_all_is_reported if {
	obj := patched([{"op": "replace", "path": "/securityContext/capabilities/drop", "value": ["NET_RAW"]}])
	count(croupiernonroot.violation) == 1 with input as fixtures.review(obj, {})
}

test_unconfined_seccomp_is_reported if {
	obj := patched([{"op": "replace", "path": "/securityContext/seccompProfile/type", "value": "Unconfined"}])
	count(croupiernonroot.violation) == 1 with input as fixtures.review(obj, {})
}

test_privileged_is_reported if {
	obj := patched([{"op": "add", "path": "/securityContext/privileged", "value": true}])
	count(croupiernonroot.violation) == 1 with input as fixtures.review(obj, {})
}

test_container_without_any_security_context_is_reported_for_each_rule if {
	obj := {"kind": "Pod", "metadata": {"name": "bare"}, "spec": {"containers": [{"name": "c", "image": "x"}]}}
	count(croupiernonroot.violation) == 4 with input as {"review": {"object": obj}, "parameters": {}}
}
