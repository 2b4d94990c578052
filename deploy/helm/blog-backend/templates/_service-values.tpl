{{/*
One service's settings with the chart's defaults filled in. Call with (list $ name) and
read the result with fromJson: resources, autoscaling, podDisruptionBudget, databasePoolSize.
*/}}
{{- define "blog.serviceSettings" -}}
{{- $root := index . 0 -}}
{{- $svc := index $root.Values.services (index . 1) | default dict -}}
{{- $d := $root.Values.defaults -}}
{{- $out := dict
  "port" $svc.port
  "resources" ($svc.resources | default $d.resources)
  "autoscaling" (merge (deepCopy ($svc.autoscaling | default dict)) $d.autoscaling)
  "podDisruptionBudget" ($svc.podDisruptionBudget | default $d.podDisruptionBudget)
  "databasePoolSize" ($svc.databasePoolSize | default $d.databasePoolSize)
  "replicas" ($svc.replicas | default 1)
  "env" ($svc.env | default dict) -}}
{{- toJson $out -}}
{{- end -}}
