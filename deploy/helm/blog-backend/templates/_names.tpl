{{/*
Names of the release's objects, and of the ones the operators create from its custom
resources: the services find their infrastructure by these unless `endpoints` says otherwise.
*/}}

{{- define "blog.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains "blog" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-blog-backend" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The six services that own an outbox, and so a Debezium connector (not the gateway). */}}
{{- define "blog.outboxServices" -}}
{{- $out := list -}}
{{- range $name, $_ := .Values.services -}}
{{- if ne $name "gateway" -}}{{- $out = append $out $name -}}{{- end -}}
{{- end -}}
{{- toJson $out -}}
{{- end -}}

{{/* CloudNativePG: the Cluster, its read-write Service, and the owner's generated Secret. */}}
{{- define "blog.pgCluster" -}}{{ include "blog.fullname" . }}-pg{{- end -}}
{{- define "blog.pgHost" -}}
{{- .Values.endpoints.postgresHost | default (printf "%s-rw" (include "blog.pgCluster" .)) -}}
{{- end -}}
{{- define "blog.dbSecret" -}}
{{- .Values.database.existingSecret | default (printf "%s-app" (include "blog.pgCluster" .)) -}}
{{- end -}}

{{/* Strimzi: Kafka's bootstrap Service, Connect's REST Service and service account. */}}
{{- define "blog.kafkaCluster" -}}{{ include "blog.fullname" . }}{{- end -}}
{{- define "blog.kafkaBootstrap" -}}
{{- .Values.endpoints.kafkaBootstrap | default (printf "%s-kafka-bootstrap:9092" (include "blog.kafkaCluster" .)) -}}
{{- end -}}
{{- define "blog.connectCluster" -}}{{ include "blog.fullname" . }}{{- end -}}
{{- define "blog.connectUrl" -}}
{{- .Values.endpoints.connect | default (printf "http://%s-connect-api:8083" (include "blog.connectCluster" .)) -}}
{{- end -}}

{{/* OpenTelemetry Operator: an OpenTelemetryCollector named N gets the Service N-collector. */}}
{{- define "blog.jaeger" -}}{{ include "blog.fullname" . }}-jaeger{{- end -}}
{{- define "blog.otlpEndpoint" -}}
{{- .Values.endpoints.otlp | default (printf "http://%s-collector:4318" (include "blog.jaeger" .)) -}}
{{- end -}}

{{/* ECK: an Elasticsearch named N gets the Service N-es-http. */}}
{{- define "blog.elastic" -}}{{ include "blog.fullname" . }}{{- end -}}
