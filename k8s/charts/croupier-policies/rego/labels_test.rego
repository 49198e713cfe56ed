package croupierrequiredlabels_test

import data.croupier.fixtures
import data.croupierrequiredlabels

params := {"labels": ["app.kubernetes.io/part-of", "croupier.io/region", "croupier.io/jurisdiction"]}

test_labelled_workload_passes if {
	count(croupierrequiredlabels.violation) == 0 with input as fixtures.review(fixtures.deployment(fixtures.secure_container), params)
}

test_missing_region_label_is_reported if {
	obj := json.remove(fixtures.deployment(fixtures.secure_container), ["metadata/labels/croupier.io~1region"])
	violations := croupierrequiredlabels.violation with input as fixtures.review(obj, params)
	count(violations) == 1
}

test_missing_pod_template_label_is_reported if {
	obj := json.remove(fixtures.deployment(fixtures.secure_container), ["spec/template/metadata/labels/croupier.io~1jurisdiction"])
	violations := croupierrequiredlabels.violation with input as fixtures.review(obj, params)
	count(violations) == 1
	some v in violations
	contains(v.msg, "pod template")
}

test_unlabelled_namespace_is_reported if {
	ns := {"kind": "Namespace", "metadata": {"name": "croupier-wallet"}}
	count(croupierrequiredlabels.violation) == 3 with input as fixtures.review(ns, params)
}
