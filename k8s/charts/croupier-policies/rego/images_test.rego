package croupierallowedimages_test

import data.croupier.fixtures
import data.croupierallowedimages

params := {"registries": ["registry.croupier.example/"]}

with_image(image) := fixtures.deployment(object.union(fixtures.secure_container, {"image": image}))

test_digest_pinned_image_from_allowed_registry_passes if {
	count(croupierallowedimages.violation) == 0 with input as fixtures.review(fixtures.deployment(fixtures.secure_container), params)
}

test_tag_only_image_is_reported if {
	violations := croupierallowedimages.violation with input as fixtures.review(with_image("registry.croupier.example/croupier/ledger:1.2.3"), params)
	count(violations) == 1
	some v in violations
	contains(v.msg, "digest")
}

test_foreign_registry_is_reported_even_with_a_digest if {
	image := "docker.io/library/nginx@sha256:2222222222222222222222222222222222222222222222222222222222222222"
	violations := croupierallowedimages.violation with input as fixtures.review(with_image(image), params)
	count(violations) == 1
	some v in violations
	contains(v.msg, "allowed registry")
}

test_lookalike_registry_prefix_is_reported if {
	image := "registry.croupier.example.evil.io/x@sha256:2222222222222222222222222222222222222222222222222222222222222222"
	count(croupierallowedimages.violation) == 1 with input as fixtures.review(with_image(image), params)
}

test_short_digest_is_reported if {
	count(croupierallowedimages.violation) == 1 with input as fixtures.review(with_image("registry.croupier.example/x@sha256:abc"), params)
}
