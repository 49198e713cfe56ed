# Secrets come from the secret manager through ExternalSecrets; nobody commits or applies secret data.
package croupiernoinlinesecrets

# Secrets written by controllers that are allowed to hold data.
managed(obj) if {
	some ref in object.get(obj, ["metadata", "ownerReferences"], [])
	ref.kind in input.parameters.allowedOwnerKinds
}

managed(obj) if object.get(obj, "type", "Opaque") in input.parameters.allowedTypes

violation contains {"msg": msg} if {
	obj := input.review.object
	obj.kind == "Secret"
	not managed(obj)
	some field in ["data", "stringData"]
	count(object.get(obj, field, {})) > 0
	msg := sprintf("Secret %s/%s carries %s; use an ExternalSecret", [object.get(obj, ["metadata", "namespace"], ""), obj.metadata.name, field])
}
