package croupiernoinlinesecrets_test

import data.croupiernoinlinesecrets

params := {"allowedOwnerKinds": ["ExternalSecret"], "allowedTypes": ["kubernetes.io/service-account-token"]}

secret(extra) := object.union({"kind": "Secret", "metadata": {"name": "db", "namespace": "croupier-wallet"}}, extra)

review(obj) := {"review": {"object": obj}, "parameters": params}

test_secret_with_data_is_reported if {
	count(croupiernoinlinesecrets.violation) == 1 with input as review(secret({"data": {"DATABASE_URL": "cG9zdGdyZXM6Ly8="}}))
}

test_secret_with_string_data_is_reported if {
	count(croupiernoinlinesecrets.violation) == 1 with input as review(secret({"stringData": {"token": "x"}}))
}

test_secret_owned_by_external_secret_passes if {
	obj := secret({"data": {"a": "Yg=="}, "metadata": {"name": "db", "ownerReferences": [{"kind": "ExternalSecret", "name": "db"}]}})
	count(croupiernoinlinesecrets.violation) == 0 with input as review(obj)
}

test_empty_secret_passes if {
	count(croupiernoinlinesecrets.violation) == 0 with input as review(secret({}))
}
