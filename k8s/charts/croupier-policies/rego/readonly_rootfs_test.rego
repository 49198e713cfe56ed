package croupierreadonlyrootfs_test

import data.croupier.fixtures
import data.croupierreadonlyrootfs

test_read_only_root_passes if {
	count(croupierreadonlyrootfs.violation) == 0 with input as fixtures.review(fixtures.deployment(fixtures.secure_container), {})
}

test_writable_root_is_reported if {
	container := json.patch(fixtures.secure_container, [{"op": "replace", "path": "/securityContext/readOnlyRootFilesystem", "value": false}])
	count(croupierreadonlyrootfs.violation) == 1 with input as fixtures.review(fixtures.deployment(container), {})
}

test_unset_is_reported if {
	container := json.remove(fixtures.secure_container, ["securityContext/readOnlyRootFilesystem"])
	count(croupierreadonlyrootfs.violation) == 1 with input as fixtures.review(fixtures.deployment(container), {})
}
