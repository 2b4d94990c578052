{{/* Labels every object of the release carries. */}}
{{- define "blog.labels" -}}
app.kubernetes.io/part-of: blog-backend
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* What tells one service's objects from another's, beside blog.labels. Call with (list $ name). */}}
{{- define "blog.serviceLabels" -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/component: service
{{- end -}}

{{/* A service's selector: stable across upgrades, so never the version. Call with (list $ name). */}}
{{- define "blog.selectorLabels" -}}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
{{ include "blog.serviceLabels" . }}
{{- end -}}

{{/* Every pod of the seven services, for NetworkPolicy peers. */}}
{{- define "blog.anyServiceLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: service
{{- end -}}
