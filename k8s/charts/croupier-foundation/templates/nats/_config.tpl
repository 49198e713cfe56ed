{{- /*
  nats.conf of the regional cluster. Two accounts:
  - CROUPIER: every service (clients without credentials land here through no_auth_user; the
    network policy decides who may connect at all). Holds the JetStream streams.
  - XREGION: the only account bound to the leafnode link to the global hub. It sees nothing but
    what CROUPIER exports to it (this region's non-PII subjects) and hands other regions'
    subjects, which the hub delivers under the "inbound." prefix, back to CROUPIER.
  PII subjects are additionally denied on the link in both directions.
*/}}
{{- define "foundation.natsConfig" -}}
{{- $ns := include "foundation.namespace" (dict "root" . "domain" .Values.platform.messaging) -}}
{{- $r := .Values.region -}}
server_name: $POD_NAME
listen: "0.0.0.0:4222"
http: "0.0.0.0:8222"
pid_file: "/var/run/nats/nats.pid"
max_payload: 1MB
lame_duck_duration: 30s
lame_duck_grace_period: 10s

jetstream {
  store_dir: "/data/jetstream"
  max_memory_store: 512MB
  max_file_store: 90GB
  domain: {{ $r | quote }}
}

cluster {
  name: {{ printf "croupier-%s" $r | quote }}
  listen: "0.0.0.0:6222"
  # Route credentials and the route URLs that carry them come from the secret manager
  # (mounted at /etc/nats/auth; NATS resolves includes relative to this file).
  include "../auth/cluster.conf"
}

system_account: SYS
no_auth_user: app

accounts {
  SYS {
    users: [ { user: "sys", password: $NATS_SYS_PASSWORD } ]
  }
  CROUPIER {
    jetstream: enabled
    users: [ { user: "app", password: $NATS_APP_PASSWORD } ]
    exports: [
      {{- range $s := .Values.nats.crossRegionSubjects }}
      { stream: {{ printf "%s.%s.>" $r $s | quote }}, accounts: [XREGION] }
      {{- end }}
    ]
    # Other regions' events, already under "inbound." (the hub adds the prefix), so nothing
    # imported here overlaps what this account exports: no import/export cycle.
    imports: [
      { stream: { account: XREGION, subject: "inbound.>" } }
    ]
  }
  XREGION {
    users: [ { user: "xregion", password: $NATS_XREGION_PASSWORD } ]
    imports: [
      {{- range $s := .Values.nats.crossRegionSubjects }}
      { stream: { account: CROUPIER, subject: {{ printf "%s.%s.>" $r $s | quote }} } }
      {{- end }}
    ]
    exports: [
      { stream: "inbound.>", accounts: [CROUPIER] }
    ]
  }
}

leafnodes {
  remotes: [
    {
      urls: [ {{ .Values.nats.hub.url | quote }} ]
      account: XREGION
      tls {
        cert_file: "/etc/nats/leaf-tls/tls.crt"
        key_file: "/etc/nats/leaf-tls/tls.key"
        ca_file: "/etc/nats/leaf-tls/trust-bundle.pem"
      }
      deny_imports: [
        {{- range $s := .Values.nats.piiSubjects }}
        {{ printf "*.%s.>" $s | quote }}
        {{ printf "inbound.*.%s.>" $s | quote }}
        {{- end }}
      ]
      deny_exports: [
        {{- range $s := .Values.nats.piiSubjects }}
        {{ printf "*.%s.>" $s | quote }}
        {{- end }}
      ]
    }
  ]
}
{{- end -}}
