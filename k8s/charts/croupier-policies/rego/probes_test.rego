package croupierrequiredprobes_test

import data.croupier.fixtures
import data.croupierrequiredprobes

params := {"probes": ["startupProbe", "livenessProbe", "readinessProbe"]}

test_deployment_with_all_probes_passes if {
	count(croupierrequiredprobes.violation) == 0 with input as fixtures.review(fixtures.deployment(fixtures.secure_container), params)
}

test_missing_readiness_probe_is_reported if {
	container := json.remove(fixtures.secure_container, ["readinessProbe"])
	violations := croupierrequiredprobes.violation with input as fixtures.review(fixtures.deployment(container), params)
	count(violations) == 1
	some v in violations
	contains(v.msg, "readinessProbe")
}

test_rollout_without_startup_probe_is_reported if {
	container := json.remove(fixtures.secure_container, ["startupProbe"])
	rollout := json.patch(fixtures.deployment(container), [
		{"op": "replace", "path": "/kind", "value": "Rollout"},
		{"op": "replace", "path": "/apiVersion", "value": "argoproj.io/v1alpha1"},
	])
	count(croupierrequiredprobes.violation) == 1 with input as fixtures.review(rollout, params)
}

test_run_to_completion_pod_needs_no_probes if {
	container := json.remove(fixtures.secure_container, ["startupProbe", "livenessProbe", "readinessProbe"])
	pod := {"kind": "Pod", "metadata": {"name": "migrate"}, "spec": {"restartPolicy": "Never", "containers": [container]}}
	count(croupierrequiredprobes.violation) == 0 with input as fixtures.review(pod, params)
}

test_cronjob_needs_no_probes if {
	container := json.remove(fixtures.secure_container, ["startupProbe", "livenessProbe", "readinessProbe"])
	cron := {"kind": "CronJob", "metadata": {"name": "export"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [container]}}}}}}
	count(croupierrequiredprobes.violation) == 0 with input as fixtures.review(cron, params)
}
