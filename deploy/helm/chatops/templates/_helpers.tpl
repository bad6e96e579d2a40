{{/* The release's full name: the release name, with the chart name appended unless it already contains it. */}}
{{- define "chatops.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "chatops.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "chatops.labels" -}}
{{ include "chatops.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "chatops.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "chatops.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "chatops.secretName" -}}
{{- default (include "chatops.fullname" .) .Values.secret.existingSecret -}}
{{- end -}}

{{/* The ConfigMap holding catalog.yaml and policy.yaml, or "" when the image's copies are used. */}}
{{- define "chatops.filesConfigMap" -}}
{{- if .Values.files.existingConfigMap -}}
{{- .Values.files.existingConfigMap -}}
{{- else if or .Values.files.catalog .Values.files.policy -}}
{{- if not (and .Values.files.catalog .Values.files.policy) -}}
{{- fail "files: give both files.catalog and files.policy (or files.existingConfigMap); the mount replaces /etc/chatops" -}}
{{- end -}}
{{- printf "%s-files" (include "chatops.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "chatops.storageProvider" -}}
{{- index .Values.settings "CHATOPS__Storage__Provider" | default "sqlite" -}}
{{- end -}}

{{/* What the bot reads: the executors' pods, logs, events, describe and rollout status. Only get/list/watch. */}}
{{- define "chatops.readonlyRules" -}}
- apiGroups: [""]
  resources: [pods, pods/log, events]
  verbs: [get, list, watch]
- apiGroups: [apps]
  resources: [deployments, replicasets]
  verbs: [get, list, watch]
{{- end -}}

{{/* What k8s.restart (the restartedAt annotation patch) and k8s.scale (the scale subresource) change. */}}
{{- define "chatops.actionsRules" -}}
- apiGroups: [apps]
  resources: [deployments]
  verbs: [patch]
- apiGroups: [apps]
  resources: [deployments/scale]
  verbs: [patch, update]
{{- end -}}
