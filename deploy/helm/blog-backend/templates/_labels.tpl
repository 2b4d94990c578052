{{/* Labels every object of the release carries. */}}
{{- define "blog.labels" -}}
app.kubernetes.io/part-of: blog-backend
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* A service's selector: stable across upgrades, so never the version. Call with (list $ name). */}}
{{- define "blog.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: service
{{- end -}}

{{/* Every pod of the seven services, for NetworkPolicy peers. */}}
{{- define "blog.anyServiceLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: service
{{- end -}}
