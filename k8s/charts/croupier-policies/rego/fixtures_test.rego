# Objects shared by the policy unit tests.
package croupier.fixtures

secure_container := {
	"name": "app",
	"image": "registry.croupier.example/croupier/ledger@sha256:1111111111111111111111111111111111111111111111111111111111111111",
	"resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "1", "memory": "256Mi"}},
	"startupProbe": {"httpGet": {"path": "/healthz/live", "port": "http"}},
	"livenessProbe": {"httpGet": {"path": "/healthz/live", "port": "http"}},
	"readinessProbe": {"httpGet": {"path": "/healthz/ready", "port": "http"}},
	"securityContext": {
		"runAsNonRoot": true,
		"runAsUser": 65532,
		"allowPrivilegeEscalation": false,
		"readOnlyRootFilesystem": true,
		"capabilities": {"drop": ["ALL"]},
		"seccompProfile": {"type": "RuntimeDefault"},
	},
}

labels := {"app.kubernetes.io/part-of": "croupier", "croupier.io/region": "eu", "croupier.io/jurisdiction": "eu"}

deployment(container) := {
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"metadata": {"name": "ledger", "namespace": "croupier-wallet", "labels": labels},
	"spec": {"template": {
		"metadata": {"labels": labels},
		"spec": {"securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}}, "containers": [container]},
	}},
}

review(obj, parameters) := {"review": {"object": obj}, "parameters": parameters}
