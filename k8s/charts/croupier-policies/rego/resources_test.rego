package croupiercontainerresources_test

import data.croupier.fixtures
import data.croupiercontainerresources

params := {"required": ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]}

test_complete_resources_pass if {
	count(croupiercontainerresources.violation) == 0 with input as fixtures.review(fixtures.deployment(fixtures.secure_container), params)
}

test_missing_memory_limit_is_reported if {
	container := json.remove(fixtures.secure_container, ["resources/limits/memory"])
	violations := croupiercontainerresources.violation with input as fixtures.review(fixtures.deployment(container), params)
	count(violations) == 1
	some v in violations
	contains(v.msg, "limits.memory")
}

test_init_container_without_resources_is_reported if {
	deployment := json.patch(fixtures.deployment(fixtures.secure_container), [{
		"op": "add", "path": "/spec/template/spec/initContainers",
		"value": [{"name": "init", "image": "x"}],
	}])
	count(croupiercontainerresources.violation) == 4 with input as fixtures.review(deployment, params)
}
